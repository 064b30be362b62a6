// Opens a published site in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; nothing is downloaded at run time) and uses it like a reader would.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parse.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

const CHROMIUM = "/usr/bin/chromium";
const REPO_NOTES = new URL("../../notes/", import.meta.url);
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`skipping the browser test: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const PRIVATE_TITLE = "Zanzibar heist plans";

/** The public notes' titles, read from the workspace's files the way publish reads them. */
function publicTitles(notesDir: string): string[] {
  return (readdirSync(notesDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".md"))
    .map((f) => parseNote(readFileSync(join(notesDir, f), "utf8"), f))
    .filter((n) => n.data.visibility === "public")
    .map((n) => n.title)
    .sort();
}

describe.skipIf(!HAVE_CHROMIUM)("the published site in a real browser", () => {
  let browser: BrowserContext;
  // A fresh profile per run (playwright passes it as --user-data-dir).
  const profile = mkdtempSync(join(tmpdir(), "learn-chromium-"));
  beforeAll(async () => {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it("lists exactly the public notes, follows a related link, searches, and runs no note script", async () => {
    // The repo's bundled notes, plus a planted private note linked from a public one.
    const root = workspace();
    const notesDir = join(root, "notes");
    if (existsSync(REPO_NOTES)) cpSync(REPO_NOTES, notesDir, { recursive: true });
    writeFileSync(join(notesDir, "zanzibar-heist.md"), `---\ntitle: ${PRIVATE_TITLE}\n---\nsecret\n`);
    writeFileSync(
      join(notesDir, "browser-a.md"),
      "---\ntitle: Browser test alpha\ntype: doc\nvisibility: public\nrelated: [browser-b, zanzibar-heist]\nsummary: Links to beta.\n---\nSee [[browser-b]].\n\n<script>document.title = 'pwned'</script>\n",
    );
    writeFileSync(
      join(notesDir, "browser-b.md"),
      "---\ntitle: Browser test beta\ntype: blog\nvisibility: public\ntags: [quokka]\n---\nThe quokka paragraph.\n",
    );
    const titles = publicTitles(notesDir);
    expect(titles).toContain("Browser test beta");
    expect(titles).not.toContain(PRIVATE_TITLE);

    const r = runCli(["publish"], { cwd: root });
    expect(r.stderr).toMatch(/^published \d+ public notes/);
    expect(r.code).toBe(0);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(root, "site", "index.html")).href);

    const listed = (await page.locator("#groups .note-title").allTextContents()).sort();
    expect(listed).toEqual(titles);
    expect(await page.content()).not.toContain(PRIVATE_TITLE);

    // Follow a related link from alpha to beta.
    await page.locator("#groups .note-title", { hasText: "Browser test alpha" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Browser test alpha");
    expect(await page.title()).not.toBe("pwned");
    expect(await page.locator(".note-body").textContent()).toContain("<script>");
    expect(await page.locator(".related a").allTextContents()).toEqual(["Browser test beta"]);
    await page.locator(".related a").click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Browser test beta");

    // Search from the index page: a word only beta's body holds, with a typo.
    await page.locator(".site-name").click();
    await page.locator("#search-input").fill("zzzqqq");
    await expect.poll(() => page.locator("#search-status").textContent()).toBe("No notes match \u201czzzqqq\u201d.");
    await page.locator("#search-input").fill("quoka");
    await expect
      .poll(async () => (await page.locator("#search-results .note-title").allTextContents())[0])
      .toBe("Browser test beta");
    expect(await page.locator("#groups").isHidden()).toBe(true);

    // The screenshot goes into the test's own folder (removed after the test) unless
    // LEARN_SCREENSHOT_DIR asks to keep it.
    const shots = process.env.LEARN_SCREENSHOT_DIR ?? tempDir("learn-screenshot-");
    const shot = join(shots, "publish-search.png");
    await page.screenshot({ path: shot, fullPage: false });
    if (process.env.LEARN_SCREENSHOT_DIR) console.log(`screenshot: ${shot}`);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
    expect(errors).toEqual([]);
  }, 20_000);
});
