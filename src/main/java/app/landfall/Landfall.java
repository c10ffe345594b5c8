package app.landfall;
public class Landfall { public static void main(String[] a) {} }
