// Imported first by the CLI, before Ink. Ink 6.8 decides at import time, from CI and
// CONTINUOUS_INTEGRATION, to print only the final frame. batchtop decides interactivity itself:
// with a terminal on both stdin and stdout the user is there to watch, whatever CI says.
if (process.stdin.isTTY && process.stdout.isTTY) {
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) {
		if (name in process.env) process.env[name] = 'false';
	}
}
export {};
