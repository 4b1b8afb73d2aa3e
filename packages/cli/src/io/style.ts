/** Terminal styling that respects NO_COLOR and non-TTY output. */
const enabled = () => process.stdout.isTTY === true && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";

const wrap = (code: number, reset: number) => (s: string) => (enabled() ? `\u001b[${code}m${s}\u001b[${reset}m` : s);

export const bold = wrap(1, 22);
export const dim = wrap(2, 22);
export const red = wrap(31, 39);
export const yellow = wrap(33, 39);
export const cyan = wrap(36, 39);
