/** The shells `qia completion` writes for; apart from the scripts so the CLI's choices stay cheap to load. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
