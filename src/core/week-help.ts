// Kept free of imports: the CLI loads it eagerly to print the rule in `learn week --help`.

/** How step 1 picks the domain that needs the week most. */
export const SUGGESTION_RULE =
  "the domain with the fewest notes; ties go to the one longest since it was a week's focus (never counts as longest), then to fewer evergreen notes, then to config order";
