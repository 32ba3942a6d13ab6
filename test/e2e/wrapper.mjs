// Runs the program in the pseudo-terminal the harness opened, then reports how it ended and what state it
// left the terminal's line discipline in. `stty -a` has to run inside the same terminal after the program
// is gone, which the harness cannot do from outside once the process has exited.
import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: "inherit" });
if (process.env.E2E_PID_FILE && child.pid) writeFileSync(process.env.E2E_PID_FILE, String(child.pid));

// The harness signals the program, never this wrapper; a signal that reaches us anyway must not end the report.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => {});

child.on("exit", (code, signal) => {
  let stty = "";
  try {
    stty = execFileSync("stty", ["-a"], { stdio: ["inherit", "pipe", "pipe"], encoding: "utf8" });
  } catch (error) {
    stty = `stty failed: ${error.message}`;
  }
  const report = JSON.stringify({ code, signal, stty: stty.replace(/\s+/g, " ").trim() });
  process.stdout.write(`\r\n<<E2E-EXIT ${report}>>\r\n`);
  process.exit(0);
});
