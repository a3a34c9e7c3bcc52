import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, now. V8 lets its heap grow to about twice what is live between its own full
 * collections; a language server holding a very long document (20 MB: about 700 MB live, the incremental
 * review's state included) went over a gigabyte that way during the document's first review. Collecting
 * after each stage of that review and after each review of such a document keeps the peak near what is
 * live. V8's `gc` function, available to a context made after --expose-gc is set (no command-line flag
 * needed); where that fails, nothing is done.
 */
export function collectGarbage(): void {
	if (gc === undefined) {
		try {
			v8.setFlagsFromString('--expose-gc');
			gc = vm.runInNewContext('gc') as () => void;
		} catch {
			gc = null;
		}
	}
	gc?.();
}
