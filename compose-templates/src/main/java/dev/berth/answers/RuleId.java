package dev.berth.answers;

/**
 * The stable name of the rule a {@link Problem} breaks, so code can tell problems apart (show one
 * beside the field it is about, give it to the page it belongs to) without reading their words,
 * which are for people and may be reworded. Each kind of rule is an enum that implements this:
 * {@link AnswerRule} for the validator's rules, {@link FileRule} for reading an answers file, and
 * further ones where the planner, the deployer or a wizard page find problems of their own.
 */
public interface RuleId {
    /** The rule's name, e.g. {@code AUTHELIA_HAS_DOMAIN}: an enum constant's own name. */
    String name();
}
