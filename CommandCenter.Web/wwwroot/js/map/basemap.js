// The offline basemap from our own GeoJSON layers, and the unit grids coloured by 社区.
import * as maplibregl from '../../lib/maplibre-gl/maplibre-gl.mjs';

export const palettes = {
    light: { background: '#f4f1ea', water: '#a8cfe8', waterway: '#7fb5d9', green: '#cfe6c0', building: '#dcd6cc', buildingLine: '#c9c1b4', road: '#ffffff', roadCasing: '#cfc7b8', major: '#ffe8a8', majorCasing: '#e0b860', rail: '#9a8fbf', label: '#3b3a36', halo: '#ffffff', gridLine: '#5a6470', communityLine: '#33415c', subdistrictLine: '#b0242b' },
    dark: { background: '#0b1320', water: '#1d3b5c', waterway: '#2a5a86', green: '#16301f', building: '#1c2433', buildingLine: '#263043', road: '#2b3649', roadCasing: '#1a2232', major: '#4a5a78', majorCasing: '#1a2232', rail: '#6b5fa0', label: '#d8e2f0', halo: '#0b1320', gridLine: '#7d8ca3', communityLine: '#c6d4ea', subdistrictLine: '#ff6b6b' },
};

const majorRoads = ['motorway', 'trunk', 'primary', 'secondary', 'trunk_link', 'primary_link', 'secondary_link'];

/** Distinct, soft colours for neighbouring communities: successive codes jump by the golden angle in hue. */
function communityColour(index, dark) {
    const hue = Math.round((index * 137.508) % 360);
    return dark ? `hsl(${hue}, 45%, 38%)` : `hsl(${hue}, 60%, 72%)`;
}

export async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
}

export function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));
}

export function bounds(fc) {
    const b = new maplibregl.LngLatBounds();
    const visit = (c) => (typeof c[0] === 'number' ? b.extend(c) : c.forEach(visit));
    fc.features.forEach(f => visit(f.geometry.coordinates));
    return b;
}

/** The whole city's box: the grids' bounds as the server gave them, or those of the loaded GeoJSON. */
export function cityBounds(state) {
    if (state.cityBox) return new maplibregl.LngLatBounds([state.cityBox[0], state.cityBox[1]], [state.cityBox[2], state.cityBox[3]]);
    return bounds(state.grids);
}

/** The feature-state address of a grid, in a GeoJSON or a vector-tile source. */
export function gridRef(state, code) {
    return state.tiles ? { source: 'grids', sourceLayer: 'grids', id: code } : { source: 'grids', id: code };
}

/** A vector-tile source of /tiles/{layer}; `query` is appended to every tile URL (filters, a version). */
export function tileSource(layer, query = '') {
    return {
        type: 'vector', tiles: [`${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt${query ? `?${query}` : ''}`],
        minzoom: TILE_MINZOOM[layer] ?? 10, maxzoom: 16, promoteId: { grids: 'code', cases: 'id' }[layer],
    };
}

const TILE_MINZOOM = { grids: 10, 'duty-grids': 10, streets: 11, zones: 10, cases: 10 };

export function baseStyle(p) {
    const src = (name) => ({ type: 'geojson', data: `/api/layers/${name}`, attribution: '© OpenStreetMap contributors' });
    return {
        version: 8,
        // Paint changes (choropleth mode, theme) apply at once: a transition redraws the map every frame for 300 ms.
        transition: { duration: 0, delay: 0 },
        sources: {
            water: src('water'), waterways: src('waterways'), green: src('green'), buildings: src('buildings'),
            roads: src('roads'), railways: src('railways'),
        },
        layers: [
            { id: 'background', type: 'background', paint: { 'background-color': p.background } },
            // No outline pass: it is another shader program and another draw of every polygon for an edge no one sees.
            { id: 'green', type: 'fill', source: 'green', paint: { 'fill-color': p.green, 'fill-antialias': false } },
            { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': p.water, 'fill-antialias': false } },
            { id: 'waterways', type: 'line', source: 'waterways', paint: { 'line-color': p.waterway, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 6] } },
            { id: 'buildings', type: 'fill', source: 'buildings', minzoom: 14, paint: { 'fill-color': p.building, 'fill-outline-color': p.buildingLine } },
            { id: 'railways', type: 'line', source: 'railways', paint: { 'line-color': p.rail, 'line-width': 1.2, 'line-dasharray': [3, 2] } },
            { id: 'roads-casing', type: 'line', source: 'roads', filter: ['!=', ['get', 'kind'], 'footway'], layout: { 'line-cap': 'round', 'line-join': 'round' },
              paint: { 'line-color': ['match', ['get', 'kind'], majorRoads, p.majorCasing, p.roadCasing], 'line-width': ['interpolate', ['linear'], ['zoom'], 13, ['match', ['get', 'kind'], majorRoads, 3, 1.2], 17, ['match', ['get', 'kind'], majorRoads, 16, 8]] } },
            { id: 'roads', type: 'line', source: 'roads', layout: { 'line-cap': 'round', 'line-join': 'round' },
              paint: { 'line-color': ['match', ['get', 'kind'], majorRoads, p.major, p.road], 'line-width': ['interpolate', ['linear'], ['zoom'], 13, ['match', ['get', 'kind'], majorRoads, 2, ['footway', 'steps', 'path'], 0.3, 0.6], 17, ['match', ['get', 'kind'], majorRoads, 13, ['footway', 'steps', 'path'], 1.5, 6]] } },
        ],
    };
}

/** Where the choropleth's colours step: per grid, and per 社区 (the city view of a tiled city sums its grids). */
export const CHOROPLETH_STOPS = { grid: [1, 3, 5, 8], community: [5, 15, 25, 40] };

/**
 * The fill of a choropleth mode ('open', 'overdue': the feature state of that name) for grids or for 社区 ('community'),
 * or null for 'none'.
 */
export function choroplethColour(mode, dark, of = 'grid') {
    if (!mode || mode === 'none') return null;
    const [a, b, c, d] = CHOROPLETH_STOPS[of];
    return ['interpolate', ['linear'], ['coalesce', ['feature-state', mode], 0], 0, dark ? '#13233a' : '#fffdf5', a, '#ffe082', b, '#ffb74d', c, '#ef6c00', d, '#b71c1c'];
}

/**
 * Below this zoom a city drawn from tiles shows its 社区 instead of its unit grids: at the city view a 100 m grid is a few
 * pixels, and drawing 20,000 of them took MapLibre seconds in software rendering for a picture no one can read.
 */
export const CITY_VIEW_MAXZOOM = 13;

/** Whether the map shows grids at its zoom (else, in a tiled city, 社区). */
export function gridsShown(state) {
    return !state.tiles || state.map.getZoom() >= CITY_VIEW_MAXZOOM;
}

/**
 * Grids from `grids` (GeoJSON), or from vector tiles when it is null; 社区 and 街道 boundaries from GeoJSON. The grid fill
 * starts in the page's choropleth mode (a later change of a data-driven colour makes MapLibre parse every grid tile again).
 * From tiles, grids are drawn from CITY_VIEW_MAXZOOM and the 社区 fill below it (its tiles are not even fetched there).
 * Returns the fills by 社区 (choropleth 'none') of the grids and of the 社区.
 */
export function addGridLayers(map, grids, communities, subdistricts, p, dark, choropleth) {
    const codes = [...new Set((grids ?? communities).features.map(f => grids ? f.properties.communityCode : f.properties.code))].sort();
    const byCommunity = (property) => {
        const colour = ['match', ['get', property]];
        codes.forEach((code, i) => colour.push(code, communityColour(i, dark)));
        colour.push('#999999');
        return colour;
    };
    const colour = byCommunity('communityCode');

    const tiled = grids === null;
    map.addSource('grids', tiled ? tileSource('grids') : { type: 'geojson', data: grids, promoteId: 'code' });
    const fromGrids = tiled ? { source: 'grids', 'source-layer': 'grids' } : { source: 'grids' };
    const gridZooms = tiled ? { minzoom: CITY_VIEW_MAXZOOM } : {};
    map.addSource('communities', { type: 'geojson', data: communities, promoteId: 'code' });
    map.addSource('subdistricts', { type: 'geojson', data: subdistricts });
    const beforeRoads = 'roads-casing';
    const fillOpacity = ['case', ['boolean', ['feature-state', 'selected'], false], 0.85, ['boolean', ['feature-state', 'hover'], false], 0.7, 0.42];
    // No anti-aliasing pass of the fill (a second draw of every grid's outline): grid-line draws the outlines.
    map.addLayer({ id: 'grid-fill', type: 'fill', ...fromGrids, ...gridZooms, paint: {
        'fill-color': choroplethColour(choropleth, dark) ?? colour, 'fill-opacity': fillOpacity, 'fill-antialias': false,
    } }, beforeRoads);
    const communityColourFill = byCommunity('code');
    if (tiled) {
        // Its outline (one-pixel GL lines of the fill's own buffers) draws the 社区 boundaries at the city view, where the
        // community-line layer's tessellated lines were ~300,000 indices more to draw in every frame.
        map.addLayer({ id: 'community-fill', type: 'fill', source: 'communities', maxzoom: CITY_VIEW_MAXZOOM, paint: {
            'fill-color': choroplethColour(choropleth, dark, 'community') ?? communityColourFill, 'fill-opacity': fillOpacity, 'fill-outline-color': p.communityLine,
        } }, beforeRoads);
    }
    // Outlines from z13, where a 100 m grid is a dozen pixels wide; below it they would be a solid mesh (and 20,000 of
    // them at a city view cost seconds of line tessellation and drawing), so the fill alone shows the grids there.
    map.addLayer({ id: 'grid-line', type: 'line', ...fromGrids, minzoom: GRID_LINE_MINZOOM, paint: { 'line-color': p.gridLine, 'line-width': 0.6, 'line-opacity': 0.7 } });
    map.addLayer({ id: 'community-line', type: 'line', source: 'communities', ...gridZooms, paint: { 'line-color': p.communityLine, 'line-width': 1.6 } });
    map.addLayer({ id: 'subdistrict-line', type: 'line', source: 'subdistricts', paint: { 'line-color': p.subdistrictLine, 'line-width': 2.6, 'line-dasharray': [4, 2] } });
    map.addLayer({ id: 'grid-selected', type: 'line', ...fromGrids, ...gridZooms, filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#d81b60', 'line-width': 3 } });
    map.addLayer({ id: 'road-labels', type: 'symbol', source: 'roads', minzoom: 14.5,
        filter: ['all', ['has', 'name'], ['!=', ['get', 'kind'], 'footway']],
        layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC', 'sans-serif'], 'text-size': 12, 'symbol-spacing': 280 },
        paint: { 'text-color': p.label, 'text-halo-color': p.halo, 'text-halo-width': 1.6 } });
    // A tiled city's city view names its 街道 (its 社区, hundreds, from z13): 700 labels at a 25 km view mostly collide,
    // and laying them out held the 社区 source's tiles back ~0.6 s.
    map.addLayer({ id: 'community-labels', type: 'symbol', source: 'communities', ...gridZooms, maxzoom: 16,
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC', 'sans-serif'], 'text-size': 13 },
        paint: { 'text-color': p.communityLine, 'text-halo-color': p.halo, 'text-halo-width': 2 } });
    if (tiled) {
        map.addLayer({ id: 'subdistrict-labels', type: 'symbol', source: 'subdistricts', maxzoom: CITY_VIEW_MAXZOOM,
            layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC', 'sans-serif'], 'text-size': 14 },
            paint: { 'text-color': p.subdistrictLine, 'text-halo-color': p.halo, 'text-halo-width': 2 } });
    }
    return { grid: colour, community: communityColourFill };
}

export const GRID_LINE_MINZOOM = 13;

/** The city view's tooltip of a 社区: its name and 街道, its open and overdue cases, and that grids show nearer. */
export function communityTooltip(props, subdistrictName, open, overdue, labels) {
    return `<div class="cc-tip-title">${escapeHtml(props.name)}</div>` +
        `<div><span>${escapeHtml(labels.subdistrict)}</span>${escapeHtml(subdistrictName)}</div>` +
        `<div><span>${escapeHtml(labels.openCases)}</span>${open}</div>` +
        `<div><span>${escapeHtml(labels.overdueCases)}</span>${overdue}</div>` +
        `<div class="cc-tip-hint">${escapeHtml(labels.zoomForGrids)}</div>`;
}

export function gridTooltip(props, labels) {
    const area = Number(props.areaM2).toLocaleString(labels.locale, { maximumFractionDigits: 0 });
    return `<div class="cc-tip-title">${escapeHtml(props.code)}</div>` +
        `<div><span>${escapeHtml(labels.community)}</span>${escapeHtml(props.community)}</div>` +
        `<div><span>${escapeHtml(labels.subdistrict)}</span>${escapeHtml(props.subdistrict)}</div>` +
        `<div><span>${escapeHtml(labels.area)}</span>${area} m²</div>` +
        `<div><span>${escapeHtml(labels.member)}</span>${escapeHtml(props.member)}</div>`;
}
