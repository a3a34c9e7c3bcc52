import { pathToFileURL } from 'node:url';

/** The file: URI of a path on this machine (Node.js only: the web extension's server has URIs, not paths). */
export function fileUri(file: string): string {
	return pathToFileURL(file).href;
}
