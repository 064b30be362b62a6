// Kept free of imports: the CLI loads it eagerly to print the formula in `learn readiness --help`.

/** The readiness score formula, as `learn readiness --help` prints it. */
export const SCORE_FORMULA = [
  "Score (0-100) per group:",
  "  score = round(100 x (0.5 x covered + 0.3 x maturity + 0.2 x on-time)), and 0 for a group with no notes, where",
  "    covered  = share of the group's roadmap items covered by a note (a role: all items, by the role's notes;",
  "               a domain: the items of its roadmap section, by any note)",
  "    maturity = mean over the group's notes of seedling 0, budding 0.5, evergreen 1",
  "    on-time  = share of the group's scheduled notes not overdue for a revisit (1 when none is scheduled)",
  "  with no roadmap items for the group: score = round(100 x (0.6 x maturity + 0.4 x on-time))",
].join("\n");
