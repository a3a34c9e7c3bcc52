import type { Finding } from './finding';

/**
 * A copy of `text` that shares no memory with the string it was sliced from. V8 keeps a slice of a long
 * string (13 characters or more) as a view of the whole, so a slice kept from one review to the next keeps
 * that whole version of the document alive: after a few edits in different places of a long document, a
 * copy of the document per edit. Concatenating makes a new string, which the slice is then taken from.
 */
export function detached(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** A finding whose texts (some are slices of the document, or built from them) are `detached`, in place. */
export function detachTexts(f: Finding): Finding {
	f.message = detached(f.message);
	f.matchedText = detached(f.matchedText);
	for (const s of f.suggestions) s.text = detached(s.text);
	for (const r of f.related ?? []) r.message = detached(r.message);
	return f;
}
