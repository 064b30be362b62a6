import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, defaultConfigText } from "../../src/core/config.js";
import { validateConfig } from "../../src/core/config-schema.js";
import { ConfigError } from "../../src/core/errors.js";

describe("validateConfig", () => {
  it("gives the defaults for an empty file", () => {
    expect(validateConfig(null, "c.yaml")).toEqual(DEFAULT_CONFIG);
  });

  it("round-trips the commented file learn init writes", () => {
    expect(validateConfig(yaml.load(defaultConfigText()), "c.yaml")).toEqual(DEFAULT_CONFIG);
  });

  it("fills missing sections from the defaults", () => {
    const c = validateConfig({ domains: { rust: "Rust" }, revisit: { retention: 0.85 } }, "c.yaml");
    expect(c.domains).toEqual({ rust: "Rust" });
    expect(c.roles).toEqual(DEFAULT_CONFIG.roles);
    expect(c.revisit).toEqual({ ...DEFAULT_CONFIG.revisit, retention: 0.85 });
  });

  it.each([
    [
      { colour: true },
      "c.yaml: colour: unknown key (allowed: domains, roles, revisit, notes, dialect, ignore, link_style, default_visibility, publish_flag, check, editor, follow_symlinks_outside, publish)",
    ],
    [
      { revisit: { every: "1d" } },
      "c.yaml: revisit.every: unknown key (allowed: first_after, max_interval, retention, new_per_day, include, exclude)",
    ],
    [{ revisit: { first_after: "soon" } }, "c.yaml: revisit.first_after: must be an interval like 7d, 6w, 3m or 1y"],
    [{ revisit: { retention: 2 } }, "c.yaml: revisit.retention: must be between 0.5 and 1"],
    [{ domains: ["a"] }, "c.yaml: domains: must be a mapping"],
    [{ domains: {} }, "c.yaml: domains: must list at least one"],
    [
      { domains: { "Core Backend": "x" } },
      "c.yaml: domains.Core Backend: ids must be lower-case words joined by - (for example core-backend)",
    ],
    ["text", "c.yaml: must be a mapping of keys to values"],
  ])("rejects %j naming the key", (raw, message) => {
    expect(() => validateConfig(raw, "c.yaml")).toThrow(ConfigError);
    expect(() => validateConfig(raw, "c.yaml")).toThrow(message);
  });
});
