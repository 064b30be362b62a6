import { readinessOf, type ReadinessData } from "../app/readiness.js";
import { hasConfigId } from "../core/config.js";
import { UsageError } from "../core/errors.js";
import { withIndex } from "../store/open-lazy.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { toReadinessJson } from "../ui/readiness-json.js";
import { renderReadiness, renderRoleDetail } from "../ui/render-readiness.js";
import { createContext } from "../workspace/context.js";

/** Options of `learn readiness`. */
export interface ReadinessOptions extends GlobalOptions {
  role?: string;
  history?: boolean;
  refresh?: boolean;
}

/** Show readiness per role-readiness group and per domain, or one role in detail with what to learn next. */
export async function readiness(opts: ReadinessOptions, io: IO): Promise<ReadinessData> {
  const ctx = await createContext(opts, io);
  const role = opts.role?.trim().toLowerCase();
  if (role !== undefined && !hasConfigId(ctx.config.roles, role))
    throw new UsageError(`unknown role: ${opts.role}`, `use one of ${Object.keys(ctx.config.roles).join(", ")}`);
  const data = await withIndex(ctx, { refresh: opts.refresh }, (index) => readinessOf(ctx, index));
  if (!data.items.length)
    io.err(
      'learn: no roadmap items found (add one: learn new roadmap "My roadmap", with bullets like `- Name (item-id) [role]: ...`)',
    );
  for (const d of data.duplicates)
    io.err(`learn: ${d.path}: roadmap item ${d.id} is already defined at ${d.first.path}; the first one counts`);
  for (const [r, ids] of Object.entries(data.unknownNeeds))
    io.err(`learn: learn.config.yaml: roles.${r}.needs: ${ids.join(", ")}: no such domain or roadmap item`);
  const group = role ? data.groups.find((g) => g.kind === "role" && g.id === role) : undefined;
  if (opts.json) io.json(toReadinessJson(data, group));
  else
    io.out(
      group
        ? renderRoleDetail(group, data, io.theme, io.columns, opts.history)
        : renderReadiness(data, io.theme, io.columns, opts.history),
    );
  return data;
}
