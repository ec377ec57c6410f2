/**
 * A writing process killed (SIGKILL) at every step it takes, one run per step: taking the lock,
 * writing, setting aside, linking, committing, cleaning up, and undoing a failed write. After
 * each kill, nothing of the earlier set is lost (each file is at its name or set aside), and
 * once the next run has opened the folder it holds one complete set, the earlier or the new one,
 * and nothing of the writer's own. Slow (a process per step): part of the fault suite.
 */
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, DRIVER, driver, entries, leftovers, ownerOfSet, removeTempDirs, steps, tempDir } from "./support.js";

afterAll(removeTempDirs);

const TRACE = { SIM_CANCEL_WRITE_TRACE: "1" };
const kill = (at: number | string) => ({ SIM_CANCEL_WRITE_FAULT: `kill@${at}` });

/** Every file of `dir`, hidden ones too, with its text. */
async function contents(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return Promise.all(names.map((name) => readFile(join(dir, name), "utf8").catch(() => "")));
}

/** Both of A's files are somewhere in the folder (at their names or set aside), whole. */
async function expectNothingLost(dir: string, owner: string): Promise<void> {
  const texts = await contents(dir);
  for (const name of ["checklist.pdf", "letter.pdf"])
    expect(texts.some((t) => t.startsWith(`${name} of ${owner}\n`) && t.length === 2_000)).toBe(true);
}

async function expectCleanAfterNextRun(dir: string): Promise<string> {
  const next = await driver(["open", dir]);
  expect(next.code).toBe(0);
  expect(await leftovers(dir)).toEqual([]);
  const owner = await ownerOfSet(dir);
  if (owner !== "none") expect(await entries(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
  else expect(await entries(dir)).toEqual([]);
  return owner;
}

describe("a write into an empty folder, killed at each step", async () => {
  const traced = await driver(["write", await tempDir(), "B"], TRACE);
  const names = steps(traced.stderr);

  it("has the steps the writer is meant to take", () => {
    expect(traced.code).toBe(0);
    expect(names).toEqual(
      expect.arrayContaining([
        "lock.held",
        "checked",
        "write checklist.pdf",
        "journal",
        "link checklist.pdf",
        "link letter.pdf",
        "commit",
        "cleanup.journal",
        "lock.release",
      ]),
    );
  });

  it.each(names.map((name, i) => [i + 1, name]))("step %i (%s): then nothing, or B's whole set", async (step) => {
    const dir = await tempDir();
    const killed = await driver(["write", dir, "B"], kill(step));
    expect(killed.signal).toBe("SIGKILL");
    expect(["none", "B"]).toContain(await expectCleanAfterNextRun(dir));
  });
});

describe("a forced write over A's set, killed at each step", async () => {
  const setUp = async () => {
    const dir = await tempDir();
    expect((await driver(["write", dir, "A"])).code).toBe(0);
    return dir;
  };
  const traced = await driver(["write", await setUp(), "B", "--force"], TRACE);
  const names = steps(traced.stderr);
  const committed = names.indexOf("commit") + 1;

  it("sets both files aside before it links any", () => {
    expect(names.indexOf("aside letter.pdf")).toBeLessThan(names.indexOf("link checklist.pdf"));
    expect(committed).toBeGreaterThan(0);
  });

  it.each(names.map((name, i) => [i + 1, name]))(
    "step %i (%s): A's files never lost; then A's set before the commit, B's after",
    async (step) => {
      const dir = await setUp();
      const killed = await driver(["write", dir, "B", "--force"], kill(step));
      expect(killed.signal).toBe("SIGKILL");
      if (step <= committed) await expectNothingLost(dir, "A");
      expect(await expectCleanAfterNextRun(dir)).toBe(step <= committed ? "A" : "B");
    },
  );
});

describe("undoing a failed forced write, killed at each step of the undoing", async () => {
  const setUp = async () => {
    const dir = await tempDir();
    expect((await driver(["write", dir, "A"])).code).toBe(0);
    return dir;
  };
  const failAt = "throw@link letter.pdf";
  const traced = await driver(["write", await setUp(), "B", "--force"], { ...TRACE, SIM_CANCEL_WRITE_FAULT: failAt });
  const undoing = steps(traced.stderr).filter((name) => name.startsWith("rollback."));

  it("undoes in steps, and reports the failure", () => {
    expect(traced.code).toBe(1);
    expect(undoing).toEqual([
      "rollback.remove letter.pdf",
      "rollback.restore letter.pdf",
      "rollback.remove checklist.pdf",
      "rollback.restore checklist.pdf",
      "rollback.journal",
    ]);
  });

  it.each(undoing)("killed at %s: A's files never lost, and A's set after the next run", async (step) => {
    const dir = await setUp();
    const killed = await driver(["write", dir, "B", "--force"], { SIM_CANCEL_WRITE_FAULT: `${failAt},kill@${step}` });
    expect(killed.signal).toBe("SIGKILL");
    await expectNothingLost(dir, "A");
    expect(await expectCleanAfterNextRun(dir)).toBe("A");
  });
});

describe("taking over a dead run's lock, killed at each step", async () => {
  // A lock left by a process that is gone (no process can have this id: above Linux's pid_max).
  const deadLock = JSON.stringify({
    pid: 4_194_304 + 12_345,
    host: (await import("node:os")).hostname(),
    token: "0123456789abcdef",
  });
  const setUp = async () => {
    const dir = await tempDir();
    await writeFile(join(dir, ".sim-cancel.lock"), deadLock);
    return dir;
  };
  const traced = await driver(["write", await setUp(), "B"], TRACE);
  const names = steps(traced.stderr);

  it("takes the dead run's lock over under a guard", () => {
    expect(traced.code).toBe(0);
    expect(names.slice(0, 4)).toEqual(["lock.takeover", "lock.held", "lock.release", "lock.held"]);
  });

  it.each(names.slice(0, 4).map((name, i) => [i + 1, name]))(
    "step %i (%s): the next run still gets the folder, and leaves no lock or guard",
    async (step) => {
      const dir = await setUp();
      expect((await driver(["write", dir, "B"], kill(step))).signal).toBe("SIGKILL");
      // The killed run may itself hold the lock or a guard now: it is dead, so it is taken over too.
      const next = await driver(["write", dir, "C"]);
      expect(next.code).toBe(0);
      expect(await ownerOfSet(dir)).toBe("C");
      expect(await entries(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    },
  );
});

describe("sim-cancel generate --force, killed at each step", async () => {
  const env = { SOURCE_DATE_EPOCH: "1790000000" };
  const args = (out: string, name: string) => ["--sample", "--lang", "en", "--out", out, "--name", name, "--force"];
  const reference = async (name: string) => {
    const out = await tempDir();
    expect((await cli(args(out, name), env)).code).toBe(0);
    return {
      checklist: await readFile(join(out, "sim-cancel-checklist-en.pdf")),
      letter: await readFile(join(out, "sim-cancel-letter-fr.pdf")),
    };
  };
  const before = await reference("Alice ANCIEN");
  const after = await reference("Bruno NOUVEAU");
  const setUp = async () => {
    const out = await tempDir();
    expect((await cli(args(out, "Alice ANCIEN"), env)).code).toBe(0);
    return out;
  };
  const traced = await cli(args(await setUp(), "Bruno NOUVEAU"), { ...env, ...TRACE });
  const names = steps(traced.stderr);

  it.each(names.map((name, i) => [i + 1, name]))(
    "step %i (%s): then one whole set, byte for byte",
    async (step, name) => {
      const out = await setUp();
      expect((await cli(args(out, "Bruno NOUVEAU"), { ...env, ...kill(step) })).signal).toBe("SIGKILL");
      // The next run into the folder (any command) cleans up; here, the same command without --force.
      const next = await cli(["--sample", "--lang", "en", "--out", out, "--name", "Bruno NOUVEAU"], env);
      expect(await entries(out)).toEqual(["sim-cancel-checklist-en.pdf", "sim-cancel-letter-fr.pdf"]);
      const found = {
        checklist: await readFile(join(out, "sim-cancel-checklist-en.pdf")),
        letter: await readFile(join(out, "sim-cancel-letter-fr.pdf")),
      };
      const committed = step > names.indexOf("commit") + 1;
      expect(found).toEqual(committed ? after : before);
      // Without --force the next run keeps what is there (exit 2), the earlier set included.
      expect(next.code).toBe(2);
      expect(name).toBeTruthy();
    },
  );
});

describe("sim-cancel generate --force without a proxy over a set with one, killed at each step", async () => {
  const env = { SOURCE_DATE_EPOCH: "1790000000" };
  const PROXY = ["--channel", "proxy", "--proxy-name", "Li CHEN", "--proxy-id-type", "passport", "--proxy-id", "E1234"];
  const PERSON = ["--birth-date", "1990-05-01", "--id-type", "passport", "--id-number", "P7654321"];
  const earlier = (out: string) => [
    "--sample",
    "--lang",
    "en",
    "--out",
    out,
    "--name",
    "Alice ANCIEN",
    ...PROXY,
    ...PERSON,
  ];
  const later = (out: string) => ["--sample", "--lang", "en", "--out", out, "--name", "Bruno NOUVEAU", "--force"];
  const filesOf = async (out: string) =>
    Object.fromEntries(
      await Promise.all((await entries(out)).map(async (name) => [name, await readFile(join(out, name))])),
    );
  const reference = async (args: (out: string) => string[]) => {
    const out = await tempDir();
    expect((await cli(args(out), env)).code).toBe(0);
    return filesOf(out);
  };
  const before = await reference(earlier);
  const after = await reference(later);
  const setUp = async () => {
    const out = await tempDir();
    expect((await cli(earlier(out), env)).code).toBe(0);
    return out;
  };
  const traced = await cli(later(await setUp()), { ...env, ...TRACE });
  const names = steps(traced.stderr);
  const committed = names.indexOf("commit") + 1;

  it("sets the procuration aside with the rest of the earlier set, before any new file", () => {
    expect(Object.keys(before)).toEqual([
      "sim-cancel-checklist-en.pdf",
      "sim-cancel-letter-fr.pdf",
      "sim-cancel-proxy-fr.pdf",
    ]);
    expect(Object.keys(after)).toEqual(["sim-cancel-checklist-en.pdf", "sim-cancel-letter-fr.pdf"]);
    expect(names.indexOf("aside sim-cancel-proxy-fr.pdf")).toBeGreaterThan(-1);
    expect(names.indexOf("aside sim-cancel-proxy-fr.pdf")).toBeLessThan(
      names.indexOf("link sim-cancel-checklist-en.pdf"),
    );
  });

  it.each(names.map((name, i) => [i + 1, name]))(
    "step %i (%s): then the earlier set with its procuration, or the new one without, byte for byte",
    async (step) => {
      const out = await setUp();
      expect((await cli(later(out), { ...env, ...kill(step) })).signal).toBe("SIGKILL");
      // Any run into the folder cleans up first; this one refuses (exit 2) and changes nothing.
      expect((await cli(["--sample", "--lang", "en", "--out", out], env)).code).toBe(2);
      expect(await filesOf(out)).toEqual(step > committed ? after : before);
    },
  );
});

describe("a folder put at an output name while a forced write is under way", () => {
  /** Waits until process `pid` is stopped (SIGSTOP from the fault hook): Linux's /proc. */
  async function stopped(pid: number): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const state = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.[0];
      if (state === "T" || state === "t") return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the writer never stopped");
  }

  it.runIf(process.platform === "linux")(
    "is never set aside and removed: the write stops (exit 2), the folder and A's files stay, later runs work",
    async () => {
      const dir = await tempDir();
      expect((await driver(["write", dir, "A"])).code).toBe(0);
      const child = spawn(process.execPath, [DRIVER, "write", dir, "B", "--force"], {
        env: { ...process.env, SIM_CANCEL_WRITE_FAULT: "stop@aside letter.pdf" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      await stopped(child.pid!);
      // Checked, journaled and stopped just before setting letter.pdf aside: the person swaps in a folder.
      await rm(join(dir, "letter.pdf"));
      await mkdir(join(dir, "letter.pdf"));
      await writeFile(join(dir, "letter.pdf", "precious.txt"), "mine");
      child.kill("SIGCONT");
      expect(await exited).toBe(2);
      expect(JSON.parse(stdout.trim()).problems[0].code).toBe("write.isFolder");
      expect(await readFile(join(dir, "letter.pdf", "precious.txt"), "utf8")).toBe("mine");
      expect(await readFile(join(dir, "checklist.pdf"), "utf8")).toMatch(/^checklist\.pdf of A\n/);
      expect(await leftovers(dir)).toEqual([]);
      // The next runs are not stuck on it: a forced write is refused (a folder is never replaced)...
      const next = await driver(["write", dir, "C", "--force"]);
      expect(next.code).toBe(2);
      expect(next.json?.problems?.[0]?.code).toBe("write.isFolder");
      // ...and once the folder is moved away, the set is written.
      await rm(join(dir, "letter.pdf"), { recursive: true });
      expect((await driver(["write", dir, "C", "--force"])).code).toBe(0);
      expect(await ownerOfSet(dir)).toBe("C");
    },
  );
});

describe("a forced write over A's set without hard links (FAT), killed at each step", async () => {
  const NOLINK = { SIM_CANCEL_WRITE_FAULT: "nolink" };
  const setUp = async () => {
    const dir = await tempDir();
    expect((await driver(["write", dir, "A"], NOLINK)).code).toBe(0);
    return dir;
  };
  const traced = await driver(["write", await setUp(), "B", "--force"], { ...NOLINK, ...TRACE });
  const names = steps(traced.stderr);
  const committed = names.indexOf("commit") + 1;

  it("writes the set with copies and renames instead of links", () => {
    expect(traced.code).toBe(0);
    expect(committed).toBeGreaterThan(0);
  });

  it.each(names.map((name, i) => [i + 1, name]))(
    "step %i (%s): A's files never lost; then A's set before the commit, B's after",
    async (step) => {
      const dir = await setUp();
      const killed = await driver(["write", dir, "B", "--force"], { SIM_CANCEL_WRITE_FAULT: `nolink,kill@${step}` });
      expect(killed.signal).toBe("SIGKILL");
      if (step <= committed) await expectNothingLost(dir, "A");
      // The next run, on the same file system, cleans up without links either.
      const next = await driver(["open", dir], NOLINK);
      expect(next.code).toBe(0);
      expect(await leftovers(dir)).toEqual([]);
      expect(await ownerOfSet(dir)).toBe(step <= committed ? "A" : "B");
      expect(await entries(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    },
  );
});
