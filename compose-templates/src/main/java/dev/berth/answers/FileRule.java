package dev.berth.answers;

/** Why an answers file could not be read into {@link Answers} ({@link AnswersFile}). */
public enum FileRule implements RuleId {
    /** The file's bytes are not UTF-8. */
    NOT_UTF8,
    /** The file holds no answers at all. */
    EMPTY,
    /** Not YAML, or YAML the reader cannot follow. */
    SYNTAX,
    /** A field the answers do not have. */
    UNKNOWN_FIELD,
    /** A value that is not one of the choices (an enum's own message lists them). */
    NOT_A_CHOICE,
    /** A true/false field left out. */
    BOOLEAN_REQUIRED,
    /** A whole number too large for its field. */
    NUMBER_TOO_LARGE,
    /** A value of the wrong kind (text where a list belongs, ...). */
    WRONG_TYPE,
    /** Anything else the reader refused. */
    UNREADABLE
}
