// Runs every MDN HTTP Observatory test against http://127.0.0.1:PORT/ and prints one line per test.
// Exit code 1 when a test that applies to plain HTTP fails (all but redirection and HSTS, which need TLS).
// The package's own CLI scans only default ports and needs HTTPS; this calls its retriever and tests directly.
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";

const port = process.argv[2];
const path = process.argv[3] ?? "/";
const needsTls = new Set(["redirection", "strict-transport-security"]);

const retrieved = await retrieve("127.0.0.1", { httpPort: port, httpsPort: 1, path });
if (!retrieved.responses.auto) {
  console.error(`no answer from http://127.0.0.1:${port}${path}`);
  process.exit(2);
}

let failed = 0;
for (const test of ALL_TESTS) {
  const output = test(retrieved);
  const name = output.constructor.name.replace(/Output$/, "");
  const key = name.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
  const applies = !needsTls.has(key);
  const verdict = output.pass ? "pass" : applies ? "FAIL" : "n/a (needs TLS)";
  if (!output.pass && applies) failed++;
  console.log(`${verdict.padEnd(16)} ${key.padEnd(32)} ${output.result}`);
}
console.log(failed === 0 ? `all tests that apply to plain HTTP pass on ${path}` : `${failed} failed on ${path}`);
process.exit(failed === 0 ? 0 : 1);
