package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // GSM-7 already: as written, ü and é included
            "Ihre Rücksendung ist genehmigt, accepté | Ihre Rücksendung ist genehmigt, accepté",
            // short enough for one UCS-2 segment: the accents stay
            "Su devolución está aprobada | Su devolución está aprobada",
    })
    void a_text_that_loses_nothing_goes_as_written(String text, String sent) {
        assertEquals(sent, SmsText.fit(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Su devolución está aprobada. Código o etiqueta:                       | Su devolucion esta aprobada. Codigo o etiqueta:",
            "Votre retour est reçu, c’est vérifié – à bientôt et merci encore      | Votre retour est recu, c'est vérifié - à bientot et merci encore",
    })
    void accents_outside_gsm_are_dropped_when_that_saves_a_segment(String text, String sent) {
        assertEquals(sent, SmsText.fit(text.strip() + " https://track.example.com/r/Q2hR7sK9mP4xT1vB8nW3yZ6cL5").replace(
                " https://track.example.com/r/Q2hR7sK9mP4xT1vB8nW3yZ6cL5", ""));
    }
}
