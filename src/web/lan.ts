/**
 * `serve --lan`: the addresses this machine has on the local network, the access token, and the
 * address as a QR code for the terminal (uqr: small, no dependencies) that a phone can scan.
 */
import { randomBytes } from "node:crypto";
import { networkInterfaces } from "node:os";
import { renderUnicodeCompact } from "uqr";

/** This machine's IPv4 addresses on its networks (not loopback), in interface order. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) if (entry.family === "IPv4" && !entry.internal) found.push(entry.address);
  }
  return found;
}

/** 128 random bits, URL-safe: guessing it is out of the question, typing it is not needed (QR code). */
export function newToken(): string {
  return randomBytes(16).toString("base64url");
}

/** The QR code of `text` in block characters, two rows of modules per line of text. */
export function terminalQr(text: string): string {
  return renderUnicodeCompact(text, { border: 2 });
}
