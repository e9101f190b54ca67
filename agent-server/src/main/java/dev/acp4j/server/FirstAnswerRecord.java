package dev.acp4j.server;

/**
 * What a launcher knows of a launch's first answer, and learns from it: the launcher may answer
 * a first {@code initialize} itself, from a record of an earlier launch that had the same inputs,
 * before the server exists (the editor is waiting for that answer); the server then reads that
 * line as if it had answered it, and tells the record what it would have answered.
 */
public interface FirstAnswerRecord {

    /**
     * The answer line (without its newline) already written for the input's first line, or null.
     *
     * @return the line, or null when the launcher wrote nothing
     */
    byte[] sentBeforeServing();

    /**
     * The server answered the first line before its connection existed (or would have answered
     * it so, when {@link #sentBeforeServing()} is not null): the record may keep the pair for the
     * next launch.
     *
     * @param requestLine the request, as read, without its newline
     * @param answerLine the server's answer, without its newline
     */
    void answered(byte[] requestLine, byte[] answerLine);

    /**
     * The line {@link #sentBeforeServing()} is not what the server answers now, or the first line
     * is one the server does not answer early: the record is out of date and must not be used again.
     *
     * @param requestLine the request, as read, without its newline
     */
    void outOfDate(byte[] requestLine);
}
