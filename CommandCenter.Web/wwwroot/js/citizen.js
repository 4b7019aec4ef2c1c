// The 随手拍 page's calls to the anonymous API. They go over HTTP (not the Blazor circuit) so the server's rate limiter
// and block list see each photo and report; photos already uploaded are not sent again when a report is corrected.
const uploaded = new WeakMap();

/** Shows thumbnails of the photos chosen (or taken) in `input` inside `previews`. */
export function watchPhotos(input, previews) {
    if (!input || !previews) return;
    input.addEventListener('change', () => {
        previews.replaceChildren(...[...input.files].map(file => {
            const img = document.createElement('img');
            img.src = URL.createObjectURL(file);
            img.className = 'cc-thumb';
            img.alt = '';
            return img;
        }));
    });
}

async function answer(response) {
    const body = await response.json().catch(() => null);
    return { status: response.status, body, retryAfter: response.headers.get('Retry-After') };
}

/** Uploads the chosen photos, then files the report; returns { status, body, retryAfter } of the first refusal or of the report. */
export async function submitReport(input, report, culture) {
    const q = '?culture=' + encodeURIComponent(culture);
    const photoIds = [];
    for (const file of input?.files ?? []) {
        if (!uploaded.has(file)) {
            const form = new FormData();
            form.append('file', file, file.name);
            const r = await fetch('/api/public/photos' + q, { method: 'POST', body: form });
            if (!r.ok) return answer(r);
            uploaded.set(file, (await r.json()).id);
        }
        photoIds.push(uploaded.get(file));
    }
    const r = await fetch('/api/public/reports' + q, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...report, photoIds }),
    });
    return answer(r);
}
