// Types of messages.mjs for the tests that import it.
export const SOURCE_FOLDERS: string[];
export function messagesInSource(file: string, text: string): { messages: string[]; unlisted: string[] };
export function projectMessages(root: string): { messages: string[]; unlisted: string[] };
export function englishBundle(messages: string[]): string;
export function placeholders(message: string): string[];
