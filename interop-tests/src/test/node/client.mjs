// The official ACP TypeScript SDK as a client of bin/acp4j, driven by TypeScriptSdkClientInteropIT.
//
//   node client.mjs <app|connection> <launcher> <config> <trace> <cwd>
//
// app:        @agentclientprotocol/sdk 2.4.0, its client() app API (connectWith, buildSession)
// connection: @agentclientprotocol/sdk 1.9.0, its ClientSideConnection API
//
// Flow: initialize (advertising URL elicitation) -> authenticate with the env_var method ->
// authenticate with the api_key_page method (the elicitation handler prints the URL, the Java
// test submits the page with its scripted browser, the handler accepts) -> session/new -> a
// prompt streamed to end_turn -> a long turn cancelled. stdout carries one JSON object per line:
// {"event":"elicitation",...} while signing in, then {"event":"report",...} or {"event":"error",...}.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Readable, Writable } from "node:stream";

const [flavor, launcher, config, trace, cwd] = process.argv.slice(2);
const emit = (event) => process.stdout.write(JSON.stringify(event) + "\n");
const STREAMED = 5;

const agent = spawn(launcher, ["--config", config, "--trace", trace], { stdio: ["pipe", "pipe", "inherit"] });
agent.on("error", (e) => fail("spawn", e));
const agentExit = new Promise((resolve) => agent.on("exit", (code) => resolve(code)));

function fail(step, error) {
  emit({ event: "error", step, message: String(error?.message ?? error), code: error?.code, data: error?.data });
  agent.kill();
  process.exit(1);
}

function sdkVersion(name) {
  return JSON.parse(readFileSync(new URL("./node_modules/" + name + "/package.json", import.meta.url), "utf8")).version;
}

function streamOf(acp) {
  return acp.ndJsonStream(Writable.toWeb(agent.stdin), Readable.toWeb(agent.stdout));
}

const initializeParams = {
  protocolVersion: 1,
  clientCapabilities: { fs: { readTextFile: false, writeTextFile: false }, terminal: false, elicitation: { url: {} } },
  clientInfo: { name: "acp4j-interop-" + flavor, version: "1.0.0" },
};

/** Records what a client sees: updates per session, elicitations asked and completed. */
class Observer {
  updates = [];
  elicitations = [];
  completed = [];
  waiters = [];

  update(notification) {
    this.updates.push(notification);
    this.waiters = this.waiters.filter((w) => !w());
  }

  chunks(sessionId) {
    return this.updates
      .filter((n) => n.sessionId === sessionId && n.update.sessionUpdate === "agent_message_chunk")
      .map((n) => (n.update.content.type === "text" ? n.update.content.text : ""));
  }

  /** Resolves once the session has at least `count` chunks. */
  chunksReached(sessionId, count) {
    return new Promise((resolve) => {
      const check = () => this.chunks(sessionId).length >= count && (resolve(), true);
      if (!check()) this.waiters.push(check);
    });
  }

  complete(params) {
    this.completed.push(params);
    this.waiters = this.waiters.filter((w) => !w());
  }

  /**
   * Resolves once `count` elicitation/complete notifications have arrived, or after `ms`: the agent
   * sends the notification before its answer, but an SDK may run the handler after the answer.
   */
  completedReached(count, ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      const check = () => this.completed.length >= count && (clearTimeout(timer), resolve(), true);
      if (!check()) this.waiters.push(check);
    });
  }

  elicit(params) {
    this.elicitations.push({ mode: params.mode, requestId: params.requestId, url: params.url });
    emit({ event: "elicitation", mode: params.mode, url: params.url, requestId: params.requestId });
    return { action: "accept" };
  }
}

async function run(observer, call) {
  const report = { event: "report", flavor };
  let step = "initialize";
  try {
    const init = await call.initialize(initializeParams);
    report.initialize = { protocolVersion: init.protocolVersion, authMethodIds: init.authMethods.map((m) => m.id) };
    step = "authenticate env_var";
    report.authenticateEnv = (await call.authenticate({ methodId: "interop-env" })) ?? null;
    step = "authenticate api_key_page";
    report.authenticatePage = (await call.authenticate({ methodId: "interop-page" })) ?? null;
    await observer.completedReached(1, 5000);
    report.elicitations = observer.elicitations;
    report.elicitationsCompleted = observer.completed.map((c) => c.elicitationId);
    step = "session/new";
    const sessionId = await call.newSession();
    report.sessionId = sessionId;
    step = "prompt";
    const answer = await call.prompt(sessionId, "/stream " + STREAMED);
    report.prompt = { stopReason: answer.stopReason, chunks: observer.chunks(sessionId) };
    step = "cancel";
    const before = observer.chunks(sessionId).length;
    const longTurn = call.prompt(sessionId, "/stream 300");
    await observer.chunksReached(sessionId, before + 1);
    await call.cancel(sessionId);
    const cancelled = await longTurn;
    report.cancel = { stopReason: cancelled.stopReason, chunks: observer.chunks(sessionId).length - before };
  } catch (e) {
    fail(step, e);
  }
  return report;
}

async function viaApp() {
  const acp = await import("@agentclientprotocol/sdk");
  const observer = new Observer();
  const app = acp
    .client({ name: "acp4j-interop" })
    .onNotification(acp.methods.client.session.update, ({ params }) => observer.update(params))
    .onRequest(acp.methods.client.session.requestPermission, () => ({ outcome: { outcome: "cancelled" } }))
    .onRequest(acp.methods.client.elicitation.create, ({ params }) => observer.elicit(params))
    .onNotification(acp.methods.client.elicitation.complete, ({ params }) => observer.complete(params));
  const report = await app.connectWith(streamOf(acp), (ctx) => {
    const sessions = new Map();
    return run(observer, {
      initialize: (p) => ctx.request(acp.methods.agent.initialize, p),
      authenticate: (p) => ctx.request(acp.methods.agent.authenticate, p),
      newSession: async () => {
        const session = await ctx.buildSession(cwd).start();
        sessions.set(session.sessionId, session);
        return session.sessionId;
      },
      prompt: (sessionId, text) => sessions.get(sessionId).prompt(text),
      cancel: (sessionId) => ctx.notify(acp.methods.agent.session.cancel, { sessionId }),
    });
  });
  report.sdk = sdkVersion("@agentclientprotocol/sdk");
  return report;
}

async function viaClientSideConnection() {
  const acp = await import("sdk19");
  const observer = new Observer();
  const connection = new acp.ClientSideConnection(
    () => ({
      requestPermission: async () => ({ outcome: { outcome: "cancelled" } }),
      sessionUpdate: async (params) => observer.update(params),
      createElicitation: async (params) => observer.elicit(params),
      completeElicitation: async (params) => observer.complete(params),
    }),
    streamOf(acp),
  );
  const report = await run(observer, {
    initialize: (p) => connection.initialize(p),
    authenticate: (p) => connection.authenticate(p),
    newSession: async () => (await connection.newSession({ cwd, mcpServers: [] })).sessionId,
    prompt: (sessionId, text) => connection.prompt({ sessionId, prompt: [{ type: "text", text }] }),
    cancel: (sessionId) => connection.cancel({ sessionId }),
  });
  report.sdk = sdkVersion("sdk19");
  return report;
}

const flows = { app: viaApp, connection: viaClientSideConnection };
if (!flows[flavor]) {
  fail("arguments", new Error("unknown flavor " + flavor + "; expected app or connection"));
}
flows[flavor]()
  .then(async (report) => {
    emit(report);
    agent.stdin.end();
    emit({ event: "agent-exit", code: await agentExit });
    process.exit(0);
  })
  .catch((e) => fail("flow", e));
