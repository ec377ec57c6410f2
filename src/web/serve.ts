/**
 * `sim-cancel serve`: the web form on this machine. Loaded only when that command runs (the
 * server library stays out of every other command's start-up).
 *
 * Without --lan it listens on 127.0.0.1 only and accepts only this machine; with --lan it
 * listens on every network interface and every request must carry a random access token, which
 * the printed address (and its QR code) holds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { createApp, type AppConfig } from "./app.js";
import { checkRequest, hostsFor, SECURITY_HEADERS, tokenCookie, type GuardConfig } from "./guard.js";
import { lanAddresses, newToken, terminalQr } from "./lan.js";
import { WebRenderPool, type PoolOptions } from "./render-pool.js";
import { CATALOGUES, resolveMessageLang } from "../messages/catalogue.js";

export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  lan?: boolean;
  pool?: PoolOptions;
  /** Fixed "today" (tests); default: today in Nouméa, day by day. */
  today?: () => string;
}

export interface RunningServer {
  /** The address to open on this machine (with the token under --lan). */
  url: string;
  /** With --lan: the addresses for other devices, token included. */
  lanUrls: string[];
  token?: string;
  port: number;
  pool: WebRenderPool;
  server: Server;
  close(): Promise<void>;
}

/** The browser's modules, compiled by tsc next to this file (dist/web/client/), read once. */
function clientScripts(): Map<string, string> {
  const dir = new URL("./client/", import.meta.url);
  const scripts = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (!/^[a-z0-9-]+\.js$/.test(file)) continue;
    // Source maps are not served: the line that asks for one would only fetch a 404.
    scripts.set(file, readFileSync(new URL(file, dir), "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"));
  }
  return scripts;
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
  res.end(`sim-cancel: ${reason}\n`);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const lan = options.lan ?? false;
  const pool = new WebRenderPool(options.pool);
  const config: AppConfig = { pool, scripts: clientScripts(), ...(options.today ? { today: options.today } : {}) };
  const app = createApp(config);
  const listener = getRequestListener(app.fetch, {
    // The adapter's default prints the error, whose message may quote what was typed: its class only.
    errorHandler: (error) => {
      process.stderr.write(`sim-cancel serve: internal error (${(error as Error)?.name ?? "unknown"})\n`);
      return new Response("internal error", { status: 500 });
    },
  });
  const token = lan ? newToken() : undefined;
  let guard: GuardConfig | undefined;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://server.invalid");
    const verdict = guard
      ? checkRequest(guard, req, url)
      : { ok: false as const, status: 403 as const, reason: "starting" };
    if (!verdict.ok) return refuse(res, verdict.status, verdict.reason);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (verdict.setToken && token) {
      // Into a cookie, and out of the address bar.
      url.searchParams.delete("token");
      res.writeHead(303, { "Set-Cookie": tokenCookie(token), Location: `${url.pathname}${url.search}` });
      res.end();
      return;
    }
    void listener(req, res);
  });
  // Time limits: a slow or stuck client cannot hold a connection for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = 512;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, lan ? "0.0.0.0" : "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const lanIps = lan ? lanAddresses() : [];
  const { hosts, origins } = hostsFor(["127.0.0.1", "localhost", ...lanIps], port);
  guard = { hosts, origins, loopbackOnly: !lan, ...(token ? { token } : {}) };
  const query = token ? `?token=${token}` : "";

  return {
    url: `http://127.0.0.1:${port}/${query}`,
    lanUrls: lanIps.map((ip) => `http://${ip}:${port}/${query}`),
    ...(token ? { token } : {}),
    port,
    pool,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}

export interface ServeArgs {
  port: number;
  lan: boolean;
  open: boolean;
  /** The language of what is printed in the terminal (the page follows the browser's). */
  lang?: string;
}

/** The terminal's words, in the language of the command line's other messages. */
function serveWords(lang: string) {
  const words = CATALOGUES[resolveMessageLang(lang)].words;
  return (key: `serve.${string}` & keyof typeof words, url = ""): string => words[key].replace("{url}", url);
}

/** Opens `url` in the default browser, without a shell (the URL is ours, but still). */
async function openBrowser(url: string, failed: string): Promise<void> {
  const { spawn } = await import("node:child_process");
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["rundll32", ["url.dll,FileProtocolHandler", url]]
        : ["xdg-open", [url]];
  const child = spawn(command as string, args as string[], { stdio: "ignore", detached: true });
  child.on("error", () => process.stderr.write(`sim-cancel: ${failed}\n`));
  child.unref();
}

/** The command: starts the server, prints where it is, and runs until Ctrl+C. */
export async function runServe(args: ServeArgs): Promise<number> {
  // Listening for Ctrl+C first: one pressed while the address prints still stops the server cleanly.
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  const running = await startServer({ port: args.port, lan: args.lan });
  const say = serveWords(args.lang ?? "zh-Hans");
  const out = process.stdout;
  out.write(`${say("serve.ready", running.url)}\n`);
  if (args.lan) {
    if (running.lanUrls.length === 0) {
      out.write(`${say("serve.lanNone")}\n`);
    } else {
      out.write(`${say("serve.lanList")}\n${running.lanUrls.map((u) => `  ${u}\n`).join("")}`);
      out.write(`${say("serve.scan")}\n${terminalQr(running.lanUrls[0]!)}\n`);
    }
    out.write(`${say("serve.tokenOnly")}\n`);
  } else {
    out.write(`${say("serve.localOnly")}\n`);
  }
  out.write(`${say("serve.private")}\n`);
  if (args.open) await openBrowser(running.url, say("serve.noBrowser", running.url));
  await stopped;
  await running.close();
  return 0;
}
