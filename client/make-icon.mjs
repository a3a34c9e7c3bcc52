// Draws the extension icon (images/icon.png, 128×128): a white check mark over a document on a dark blue
// rounded square. Plain Node (zlib + CRC32) so no image tool is needed: `node client/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

function roundedRect(x, y, x0, y0, x1, y1, r) {
	const cx = Math.min(Math.max(x, x0 + r), x1 - r);
	const cy = Math.min(Math.max(y, y0 + r), y1 - r);
	return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
	const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
	return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** The colour at a point: [r, g, b, a] with components 0–255. */
function colour(x, y) {
	const check = Math.min(segmentDistance(x, y, [50, 78], [66, 94]), segmentDistance(x, y, [66, 94], [100, 52]));
	if (check <= 8) return [255, 255, 255, 255];
	if (check <= 13) return [31, 59, 92, 255]; // a gap around the check so it reads over the page
	const page = roundedRect(x, y, 30, 22, 86, 104, 6);
	if (page) {
		const ruled = [40, 52, 64].some((ly) => Math.abs(y - ly) <= 2.5 && x >= 40 && x <= 76);
		return ruled ? [31, 59, 92, 255] : [232, 176, 60, 255];
	}
	if (roundedRect(x, y, 4, 4, 124, 124, 22)) return [31, 59, 92, 255];
	return [0, 0, 0, 0];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
	raw[y * (SIZE * 4 + 1)] = 0; // filter: none
	for (let x = 0; x < SIZE; x++) {
		const sum = [0, 0, 0, 0];
		for (let sy = 0; sy < SAMPLES; sy++)
			for (let sx = 0; sx < SAMPLES; sx++) {
				const c = colour(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
				for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
				sum[3] += c[3];
			}
		const o = y * (SIZE * 4 + 1) + 1 + x * 4;
		for (let i = 0; i < 3; i++) raw[o + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
		raw[o + 3] = Math.round(sum[3] / SAMPLES ** 2);
	}
}

const CRC = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
