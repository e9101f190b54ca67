package dev.acp4j.schema;

/** Which way a message travels, seen from the agent. */
public enum Direction {
    /** Client to agent (the agent's stdin). */
    IN,
    /** Agent to client (the agent's stdout). */
    OUT;

    public Direction reverse() {
        return this == IN ? OUT : IN;
    }
}
