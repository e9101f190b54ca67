// The TS SDK's streaming figure: an agent on @agentclientprotocol/sdk whose prompt turn streams
// N agent_message_chunk updates back to back (N = the prompt's text). The SDK's example agent
// streams only six updates, 1 s apart, so it cannot give this figure.
import * as acp from "./.work/ts/node_modules/@agentclientprotocol/sdk/dist/acp.js";
import { Readable, Writable } from "node:stream";

let sessions = 0;
acp
  .agent({ name: "bench-stream-agent" })
  .onRequest("initialize", () => ({ protocolVersion: acp.PROTOCOL_VERSION, agentCapabilities: { loadSession: false } }))
  .onRequest("session/new", () => ({ sessionId: `bench-${++sessions}` }))
  .onRequest("session/prompt", async (ctx) => {
    const count = Number.parseInt(ctx.params.prompt[0].text, 10);
    for (let i = 1; i <= count; i++) {
      await ctx.client.notify(acp.methods.client.session.update, {
        sessionId: ctx.params.sessionId,
        update: { sessionUpdate: "agent_message_chunk", content: { type: "text", text: `chunk ${i}/${count}\n` } },
      });
    }
    return { stopReason: "end_turn" };
  })
  .connect(acp.ndJsonStream(Writable.toWeb(process.stdout), Readable.toWeb(process.stdin)));
