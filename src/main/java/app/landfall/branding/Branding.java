package app.landfall.branding;

import app.landfall.audit.AuditTrail;
import app.landfall.web.ClientAddress;
import app.landfall.web.Templates;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;

/**
 * A store's look: colours, fonts, logo, languages, links and marketing block. The one writer of
 * {@code brands}, {@code brand_versions} and {@code brand_logos}; the merchant's editor, the
 * stylesheet and logo every shopper page loads, and the branded pages outside any parcel.
 */
public final class Branding {
    private final Brands brands;
    private final BrandStyles styles;
    private final BrandLogos logos;
    private final BrandedPages pages;
    private final BrandingEditor editor;

    /** {@code imageSrc}: where a shopper's browser loads an image from (Landfall's image proxy). */
    public Branding(DSLContext dsl, UnaryOperator<String> imageSrc, Templates templates, AuditTrail audit,
            ClientAddress clientAddress) {
        this.brands = new Brands(dsl, imageSrc);
        this.styles = new BrandStyles(brands);
        this.logos = new BrandLogos(dsl);
        this.pages = new BrandedPages(brands, templates);
        this.editor = new BrandingEditor(dsl, audit, clientAddress);
    }

    /** A store's brand, for the pages of other features. */
    public Brands brands() {
        return brands;
    }

    public BrandStyles styles() {
        return styles;
    }

    public BrandLogos logos() {
        return logos;
    }

    public BrandedPages pages() {
        return pages;
    }

    public BrandingEditor editor() {
        return editor;
    }
}
