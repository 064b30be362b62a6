// Runs before every test file, also when files share a worker (isolate: false) and
// tests/helpers/workspace.ts was loaded, and its own afterEach registered, by an earlier file.
import { afterEach } from "vitest";
import { removeTempDirs } from "./workspace.js";

afterEach(removeTempDirs);
