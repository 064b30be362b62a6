// The public readiness page in a real browser (Debian's /usr/bin/chromium driven by playwright-core,
// as in publish-browser.test.ts): each role's rung per roadmap item with links to the public notes
// that are its evidence; a planted private note counts nowhere and leaks nothing.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publish } from "../../src/commands/publish.js";
import { memoryIO } from "../../src/ui/io.js";
import { noteText, workspace } from "../helpers/workspace.js";

const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`skipping the browser test: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const today = "2026-11-27";
const PRIVATE_TITLE = "Zanzibar heist plans";
const PRIVATE_SLUG = "zanzibar-heist";
const words = (n: number) => Array.from({ length: n }, (_, i) => `retry${i}`).join(" ");

const roadmap = noteText(
  { title: "Public roadmap", type: "roadmap", visibility: "public", published: "2026-10-01" },
  [
    "# Public roadmap",
    "",
    "## Core backend (core-backend) [backend]",
    "",
    "- Retry budgets (retry-budgets): bounded retries.",
    "- Idempotency (idempotency): safe repeats.",
    "- Rollbacks (rollbacks): a way back.",
    "",
    "## AI infrastructure (ai-infrastructure)",
    "",
    "- GPU inference (gpu-inference) [production-infrastructure]: batching.",
    "",
  ].join("\n"),
);

function plant(): string {
  return workspace({
    "notes/roadmap.md": roadmap,
    // public, real content, checklist started, used in a build and revisited on time: rung 4
    "notes/retry-budgets.md": noteText(
      {
        title: "Retry budgets explained",
        type: "doc",
        visibility: "public",
        covers: ["retry-budgets"],
        published: "2026-11-01",
      },
      `# Retry budgets explained\n\n${words(90)}\n\n- [x] tried it\n- [ ] taught it\n`,
    ),
    // public but still thin: rung 1
    "notes/idempotency-draft.md": noteText(
      {
        title: "Idempotency draft",
        type: "doc",
        visibility: "public",
        covers: ["idempotency"],
        published: "2026-11-01",
      },
      "# Idempotency draft\n\nShort.\n",
    ),
    // private, used in builds and revisited: it must count nowhere on the page
    [`notes/${PRIVATE_SLUG}.md`]: noteText(
      { title: PRIVATE_TITLE, type: "doc", covers: ["rollbacks", "idempotency"], published: "2026-11-01" },
      `# ${PRIVATE_TITLE}\n\n${words(90)}\n\n- [x] done\n`,
    ),
    "revisits.jsonl": [
      '{"v":1,"event":"used","note":"retry-budgets","date":"2026-11-10","build":"payments API v2"}',
      '{"v":1,"event":"revisit","note":"retry-budgets","date":"2026-11-12","rating":"good"}',
      `{"v":1,"event":"used","note":"${PRIVATE_SLUG}","date":"2026-11-10","build":"vault"}`,
      `{"v":1,"event":"revisit","note":"${PRIVATE_SLUG}","date":"2026-11-11","rating":"easy"}`,
      "",
    ].join("\n"),
  });
}

describe.skipIf(!HAVE_CHROMIUM)("the public readiness page in a real browser", () => {
  let browser: BrowserContext;
  const profile = mkdtempSync(join(tmpdir(), "learn-chromium-"));
  beforeAll(async () => {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it("shows each role's rung per item with links to public evidence, and nothing of the private note", async () => {
    const root = plant();
    await publish({ dir: root, today, cwd: root }, memoryIO());
    const site = join(root, "site");
    for (const f of readdirSync(site, { recursive: true }) as string[]) {
      if (!/\.(html|json|js|xml)$/.test(f)) continue;
      const text = readFileSync(join(site, f), "utf8");
      expect(text, f).not.toContain(PRIVATE_TITLE);
      expect(text, f).not.toContain(PRIVATE_SLUG);
    }

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    await page.locator(".readiness-link a").click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Readiness");

    const backend = page.locator("#role-backend");
    const levels = await backend
      .locator("tr[data-item]")
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-item")}:${r.getAttribute("data-level")}`));
    // retry-budgets known (4); idempotency only noted by the thin public draft (the private note's rung 4 does not count);
    // rollbacks has only the private note behind it: nothing. (4 + 1 + 0) / 12 = 42.
    expect(levels).toEqual(["retry-budgets:4", "idempotency:1", "rollbacks:0"]);
    expect(await backend.locator(".score").textContent()).toBe("42");
    expect(await backend.locator("tr", { hasText: "Rollbacks" }).textContent()).toContain("no public note yet");
    // backend lists no AI-infrastructure item; production-infrastructure has the GPU one, with no evidence
    expect(await backend.textContent()).not.toContain("GPU inference");
    expect(await page.locator("#role-production-infrastructure tr[data-item]").count()).toBe(1);
    expect(await page.locator("#role-data").textContent()).toContain("No public roadmap item names this role yet.");

    await backend.locator("tr[data-item=retry-budgets] a").click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Retry budgets explained");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is left out when learn.config.yaml turns it off", async () => {
    const root = plant();
    await publish({ dir: root, today, cwd: root }, memoryIO());
    expect(existsSync(join(root, "site", "readiness.html"))).toBe(true);
    writeFileSync(join(root, "learn.config.yaml"), "publish:\n  readiness: false\n");
    const again = await publish({ dir: root, today, cwd: root }, memoryIO());
    expect(again.removed).toContain("readiness.html");
    expect(existsSync(join(root, "site", "readiness.html"))).toBe(false);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(root, "site", "index.html")).href);
    expect(await page.locator(".readiness-link").count()).toBe(0);
    await page.close();
  });
});
