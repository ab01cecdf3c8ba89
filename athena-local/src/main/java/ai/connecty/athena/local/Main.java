package ai.connecty.athena.local; public final class Main { public static void main(String[] a) {} }
