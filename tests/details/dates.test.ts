import { describe, expect, it } from "vitest";
import { isRealIsoDate, todayInNoumea } from "../../src/details/dates.js";

describe("todayInNoumea", () => {
  it("is already the next day in Nouméa (UTC+11) late in the UTC day", () => {
    expect(todayInNoumea(new Date("2026-11-24T12:59:59Z"))).toBe("2026-11-24");
    expect(todayInNoumea(new Date("2026-11-24T13:00:00Z"))).toBe("2026-11-25");
  });

  it("has no daylight saving: UTC+11 in both halves of the year", () => {
    expect(todayInNoumea(new Date("2026-06-30T13:00:00Z"))).toBe("2026-07-01");
    expect(todayInNoumea(new Date("2026-12-31T13:00:00Z"))).toBe("2027-01-01");
  });

  it("agrees with the time zone database's Pacific/Noumea around every hour of 2024-2030", () => {
    const zone = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Pacific/Noumea",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    // Every hour, so the date's change at 13:00 UTC is crossed every day, whatever the offset.
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2031, 0, 1); t += 60 * 60 * 1000) {
      for (const instant of [t - 1, t, t + 1]) expect(todayInNoumea(new Date(instant))).toBe(zone.format(instant));
    }
  });
});

describe("isRealIsoDate", () => {
  it.each(["2026-11-24", "2028-02-29", "2000-02-29", "2026-12-31", "2026-01-01"])("accepts %s", (d) => {
    expect(isRealIsoDate(d)).toBe(true);
  });

  it.each([
    "2026-02-29", // not a leap year
    "1900-02-29", // divisible by 100, not by 400
    "2026-02-30",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-5",
    "26-11-24",
    "2026/11/24",
    "2026-11-24T00:00",
    " 2026-11-24",
    "",
  ])("rejects %j", (d) => {
    expect(isRealIsoDate(d)).toBe(false);
  });
});
