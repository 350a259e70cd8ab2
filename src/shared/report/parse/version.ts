/** Bumped when parsing changes what it extracts, so stored reports can be re-parsed. */
export const PARSER_VERSION = 2;
