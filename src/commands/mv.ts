import { JSON_VERSION, type MvJson } from "../core/json-types.js";
import { createContext } from "../workspace/context.js";
import { applyMove, type MovePlan } from "../workspace/note-move.js";
import type { GlobalOptions, IO } from "../ui/io.js";

/** Options of `learn mv OLD NEW`. */
export interface MvOptions extends GlobalOptions {
  from: string;
  to: string;
}

/** `learn mv OLD NEW`: rename a note and rewrite every link to it; its revisit history stays with it. */
export async function mv(opts: MvOptions, io: IO): Promise<MovePlan> {
  const ctx = await createContext(opts);
  const { openIndexLazy } = await import("../store/open-lazy.js");
  const { planMove } = await import("../workspace/note-move.js");
  const { index } = await openIndexLazy(ctx);
  let plan: MovePlan;
  try {
    plan = planMove(ctx, index, opts.from, opts.to);
    applyMove(ctx, plan);
  } finally {
    index.close();
  }
  const links = plan.files.reduce((n, f) => n + f.edits.length, 0);
  const others = plan.files.filter((f) => f.path !== plan.oldPath).length;
  if (opts.json)
    io.json({
      version: JSON_VERSION,
      from: plan.oldPath,
      to: plan.newPath,
      links,
      notes: others,
      added_id: plan.addsId,
    } satisfies MvJson);
  else
    io.out(
      `moved ${plan.oldPath} -> ${plan.newPath}; rewrote ${links} link${links === 1 ? "" : "s"} in ${others} note${others === 1 ? "" : "s"}`,
    );
  return plan;
}
