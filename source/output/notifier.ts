import {sanitizeText} from '../domain/sanitize-text.js';

/**
 * Bell plus desktop notification (OSC 9 for iTerm2/Windows Terminal/WezTerm/kitty, OSC 777 for
 * rxvt/foot/Ghostty). Inside tmux each escape is wrapped for passthrough (tmux needs
 * `set -g allow-passthrough on` to forward it).
 */
export function notificationBytes(title: string, body: string, env: NodeJS.ProcessEnv = process.env): string {
	const safeTitle = sanitizeText(title, 80).replace(/;/g, ',');
	const safeBody = sanitizeText(body, 200).replace(/;/g, ',');
	const osc9 = `\u001b]9;${safeTitle}: ${safeBody}\u0007`;
	const osc777 = `\u001b]777;notify;${safeTitle};${safeBody}\u0007`;
	// tmux passthrough doubles every ESC inside the wrapped sequence.
	const wrap = (sequence: string) =>
		env['TMUX'] ? `\u001bPtmux;${sequence.replaceAll('\u001b', '\u001b\u001b')}\u001b\\` : sequence;
	return `\u0007${wrap(osc9)}${wrap(osc777)}`;
}
