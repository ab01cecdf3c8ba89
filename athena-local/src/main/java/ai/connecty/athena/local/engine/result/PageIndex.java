package ai.connecty.athena.local.engine.result;

/** Byte offsets of every {@value #STRIDE}-th record of a CSV result, and how many records it has. */
public record PageIndex(long[] offsets, long records) {

    public static final int STRIDE = 1000;
}
