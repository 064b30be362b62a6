// Kept free of imports: the CLI loads it eagerly to print the formula in `learn readiness --help`.

/** The readiness score formula, as `learn readiness --help` prints it. */
export const SCORE_FORMULA = [
  "Every roadmap item stands on a rung of an evidence ladder, computed from your files and",
  "revisits.jsonl (never from status:, which stays your own word and is only shown):",
  "  0 nothing        no note covers the item",
  "  1 noted          a note covers it (covers: [item-id], a link to [[item-id]], or the item's bullet links to the note)",
  "  2 written up     a public note with real content covers it (80+ words of its own, no template",
  "                   placeholder left) and its checklist is started (an item ticked)",
  "  3 used           a covering note was used in a real build (learn used SLUG --in BUILD)",
  "  4 known          a public covering note was revisited on time after a build use (within",
  "                   revisit.first_after, 7d by default, rated anything but again)",
  "An item's rung is the best of its covering notes'. A role needs the items its roadmap section",
  "or bullet names it for ([backend], [ai-api:2]) plus its needs: in learn.config.yaml, so",
  "  score = round(100 x weighted mean of its items' rungs / 4)      (0 when it needs no item)",
  "and a domain's score is the same over its roadmap section's items, each weighing 1.",
  "Past weeks are measured the same way: a note counts from its published: date, events from theirs.",
].join("\n");
