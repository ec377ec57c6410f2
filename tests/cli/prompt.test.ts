/**
 * The interactive path, driven through the real prompts library with its test renderer:
 * missing required details are asked for in the user's language and checked by the schema.
 */
import input from "@inquirer/input";
import { render } from "@inquirer/testing";
import { describe, expect, it } from "vitest";
import { type Ask, askForMissing } from "../../src/cli/prompt.js";

const TODAY = "2026-11-24";

/** An Ask that types each scripted attempt, pressing enter after each, and records the screens. */
function scripted(attempts: Record<string, string[]>, screens: string[]): Ask {
  return async (message, validate) => {
    const { answer, events, getScreen } = await render(input, { message, validate });
    const field = Object.keys(attempts).find((key) => message.includes(key)) ?? "";
    for (const attempt of attempts[field] ?? []) {
      events.type(attempt);
      events.keypress("enter");
      await new Promise((resolve) => setTimeout(resolve, 20));
      screens.push(getScreen());
      for (let i = 0; i < attempt.length; i++) events.keypress("backspace");
    }
    return answer;
  };
}

describe("askForMissing", () => {
  it("asks for the name and phone in Chinese, refuses a fixed-line number, accepts a mobile one", async () => {
    const screens: string[] = [];
    const said: string[] = [];
    const result = await askForMissing(
      {},
      "zh-Hans",
      TODAY,
      scripted({ 姓名: ["Xiaoming WANG"], 手机号码: ["26 12 34", "76 12 34"] }, screens),
      (l) => said.push(l),
    );
    expect(result).toMatchObject({ name: "Xiaoming WANG", phone: "76 12 34" });
    expect(said.join("")).toMatch(/必填/);
    // The fixed line was refused with the schema's message, in Chinese, naming the flag.
    const refused = screens.find((s) => s.includes("26 12 34"))!;
    expect(refused).toMatch(/--phone/);
    expect(refused).toMatch(/固定电话|固话|座机/);
  });

  it("asks for the representative when the channel is proxy, and only for what is missing", async () => {
    const asked: string[] = [];
    const ask: Ask = async (message) => {
      asked.push(message);
      return "Li CHEN";
    };
    const result = await askForMissing(
      { name: "Xiaoming WANG", phone: "76 12 34", channel: "proxy" },
      "en",
      TODAY,
      ask,
      () => {},
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/representative/i);
    expect(result.proxyName).toBe("Li CHEN");
  });

  it("asks nothing when the details are complete", async () => {
    const ask: Ask = async () => {
      throw new Error("should not ask");
    };
    const details = { name: "Xiaoming WANG", phone: "76 12 34" };
    await expect(askForMissing(details, "fr", TODAY, ask, () => {})).resolves.toEqual(details);
  });
});
