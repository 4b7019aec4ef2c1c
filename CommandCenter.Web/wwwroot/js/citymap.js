// The one module that drives MapLibre for CommandCenter: an offline basemap from our own GeoJSON
// layers, the unit grids coloured by 社区, hover and click on grids. Blazor calls it by JS interop.
import * as maplibregl from '../lib/maplibre-gl/maplibre-gl.mjs';

const maps = new Map();
let nextId = 1;

const palettes = {
    light: { background: '#f4f1ea', water: '#a8cfe8', waterway: '#7fb5d9', green: '#cfe6c0', building: '#dcd6cc', buildingLine: '#c9c1b4', road: '#ffffff', roadCasing: '#cfc7b8', major: '#ffe8a8', majorCasing: '#e0b860', rail: '#9a8fbf', label: '#3b3a36', halo: '#ffffff', gridLine: '#5a6470', communityLine: '#33415c', subdistrictLine: '#b0242b' },
    dark: { background: '#0b1320', water: '#1d3b5c', waterway: '#2a5a86', green: '#16301f', building: '#1c2433', buildingLine: '#263043', road: '#2b3649', roadCasing: '#1a2232', major: '#4a5a78', majorCasing: '#1a2232', rail: '#6b5fa0', label: '#d8e2f0', halo: '#0b1320', gridLine: '#7d8ca3', communityLine: '#c6d4ea', subdistrictLine: '#ff6b6b' },
};

const majorRoads = ['motorway', 'trunk', 'primary', 'secondary', 'trunk_link', 'primary_link', 'secondary_link'];

/** Distinct, soft colours for neighbouring communities: successive codes jump by the golden angle in hue. */
function communityColour(index, dark) {
    const hue = Math.round((index * 137.508) % 360);
    return dark ? `hsl(${hue}, 45%, 38%)` : `hsl(${hue}, 60%, 72%)`;
}

async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
}

function baseStyle(p) {
    const src = (name) => ({ type: 'geojson', data: `/api/layers/${name}`, attribution: '© OpenStreetMap contributors' });
    return {
        version: 8,
        sources: {
            water: src('water'), waterways: src('waterways'), green: src('green'), buildings: src('buildings'),
            roads: src('roads'), railways: src('railways'),
        },
        layers: [
            { id: 'background', type: 'background', paint: { 'background-color': p.background } },
            { id: 'green', type: 'fill', source: 'green', paint: { 'fill-color': p.green } },
            { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': p.water } },
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

function addGridLayers(map, grids, communities, subdistricts, p, dark) {
    const codes = [...new Set(grids.features.map(f => f.properties.communityCode))].sort();
    const colour = ['match', ['get', 'communityCode']];
    codes.forEach((code, i) => colour.push(code, communityColour(i, dark)));
    colour.push('#999999');

    map.addSource('grids', { type: 'geojson', data: grids, promoteId: 'code' });
    map.addSource('communities', { type: 'geojson', data: communities });
    map.addSource('subdistricts', { type: 'geojson', data: subdistricts });
    const beforeRoads = 'roads-casing';
    map.addLayer({ id: 'grid-fill', type: 'fill', source: 'grids', paint: {
        'fill-color': colour,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.85, ['boolean', ['feature-state', 'hover'], false], 0.7, 0.42],
    } }, beforeRoads);
    map.addLayer({ id: 'grid-line', type: 'line', source: 'grids', paint: { 'line-color': p.gridLine, 'line-width': 0.6, 'line-opacity': 0.7 } });
    map.addLayer({ id: 'community-line', type: 'line', source: 'communities', paint: { 'line-color': p.communityLine, 'line-width': 1.6 } });
    map.addLayer({ id: 'subdistrict-line', type: 'line', source: 'subdistricts', paint: { 'line-color': p.subdistrictLine, 'line-width': 2.6, 'line-dasharray': [4, 2] } });
    map.addLayer({ id: 'grid-selected', type: 'line', source: 'grids', filter: ['==', ['get', 'code'], ''], paint: { 'line-color': '#d81b60', 'line-width': 3 } });
    map.addLayer({ id: 'road-labels', type: 'symbol', source: 'roads', minzoom: 14.5,
        filter: ['all', ['has', 'name'], ['!=', ['get', 'kind'], 'footway']],
        layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC', 'sans-serif'], 'text-size': 12, 'symbol-spacing': 280 },
        paint: { 'text-color': p.label, 'text-halo-color': p.halo, 'text-halo-width': 1.6 } });
    map.addLayer({ id: 'community-labels', type: 'symbol', source: 'communities', maxzoom: 16,
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC', 'sans-serif'], 'text-size': 13 },
        paint: { 'text-color': p.communityLine, 'text-halo-color': p.halo, 'text-halo-width': 2 } });
}

function bounds(fc) {
    const b = new maplibregl.LngLatBounds();
    const visit = (c) => (typeof c[0] === 'number' ? b.extend(c) : c.forEach(visit));
    fc.features.forEach(f => visit(f.geometry.coordinates));
    return b;
}

function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));
}

function gridTooltip(props, labels) {
    const area = Number(props.areaM2).toLocaleString(labels.locale, { maximumFractionDigits: 0 });
    return `<div class="cc-tip-title">${escapeHtml(props.code)}</div>` +
        `<div><span>${escapeHtml(labels.community)}</span>${escapeHtml(props.community)}</div>` +
        `<div><span>${escapeHtml(labels.subdistrict)}</span>${escapeHtml(props.subdistrict)}</div>` +
        `<div><span>${escapeHtml(labels.area)}</span>${area} m²</div>` +
        `<div><span>${escapeHtml(labels.member)}</span>${escapeHtml(props.member)}</div>`;
}

/**
 * Creates a city map in `element`. `options.labels` carries the UI's localised field names;
 * `dotnet` (optional) receives OnGridSelected(properties) on click.
 */
export async function createCityMap(element, options, dotnet) {
    const dark = options?.theme === 'dark';
    const p = dark ? palettes.dark : palettes.light;
    const labels = options?.labels ?? {};
    const map = new maplibregl.Map({
        container: element,
        style: baseStyle(p),
        center: [118.78, 32.044],
        zoom: 14,
        attributionControl: { compact: false },
        localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const id = nextId++;
    const state = { map, dotnet, hovered: null };
    maps.set(id, state);

    const tip = document.createElement('div');
    tip.className = 'cc-map-tip';
    tip.hidden = true;
    element.appendChild(tip);

    await new Promise(resolve => map.once('load', resolve));
    const [grids, communities, subdistricts] = await Promise.all(
        ['/api/grids', '/api/layers/communities', '/api/layers/subdistricts'].map(fetchJson));
    addGridLayers(map, grids, communities, subdistricts, p, dark);
    state.grids = grids;
    if (grids.features.length > 0) {
        map.fitBounds(bounds(grids), { padding: 24, duration: 0 });
    }

    map.on('mousemove', 'grid-fill', (e) => {
        const f = e.features?.[0];
        if (!f) return;
        if (state.hovered !== null && state.hovered !== f.id) map.setFeatureState({ source: 'grids', id: state.hovered }, { hover: false });
        state.hovered = f.id;
        map.setFeatureState({ source: 'grids', id: f.id }, { hover: true });
        map.getCanvas().style.cursor = 'pointer';
        tip.innerHTML = gridTooltip(f.properties, labels);
        tip.style.left = `${e.point.x + 14}px`;
        tip.style.top = `${e.point.y + 14}px`;
        tip.hidden = false;
    });
    map.on('mouseleave', 'grid-fill', () => {
        if (state.hovered !== null) map.setFeatureState({ source: 'grids', id: state.hovered }, { hover: false });
        state.hovered = null;
        map.getCanvas().style.cursor = '';
        tip.hidden = true;
    });
    map.on('click', 'grid-fill', (e) => {
        const f = e.features?.[0];
        if (!f) return;
        map.setFilter('grid-selected', ['==', ['get', 'code'], f.properties.code]);
        state.dotnet?.invokeMethodAsync('OnGridSelected', f.properties.code);
    });

    // Location picking (intake desk, phone report): a click anywhere drops the pin and tells .NET.
    if (options?.pickLocation) {
        map.on('click', (e) => {
            state.pin ??= new maplibregl.Marker({ color: '#d81b60' });
            state.pin.setLngLat(e.lngLat).addTo(map);
            state.dotnet?.invokeMethodAsync('OnMapClicked', e.lngLat.lng, e.lngLat.lat);
        });
    }

    // Tests and the wall display read how many grids are actually drawn once the map settles.
    map.on('idle', () => {
        element.dataset.renderedGrids = String(map.queryRenderedFeatures({ layers: ['grid-fill'] }).length);
        element.dataset.gridCount = String(grids.features.length);
    });
    return id;
}

/** Highlights a grid and flies to it (search, selection from a list). */
export function selectGrid(id, code) {
    const state = maps.get(id);
    if (!state) return;
    state.map.setFilter('grid-selected', ['==', ['get', 'code'], code ?? '']);
    const feature = state.grids?.features.find(f => f.properties.code === code);
    if (feature) state.map.fitBounds(bounds({ features: [feature] }), { padding: 120, maxZoom: 17 });
}

/** Puts the location pin at a point (e.g. the phone's GPS position) and centres on it. */
export function setPin(id, lon, lat) {
    const state = maps.get(id);
    if (!state) return;
    state.pin ??= new maplibregl.Marker({ color: '#d81b60' });
    state.pin.setLngLat([lon, lat]).addTo(state.map);
    state.map.easeTo({ center: [lon, lat], zoom: Math.max(state.map.getZoom(), 16) });
}

/** The browser's position, or null when the user refuses or there is none. */
export function currentPosition() {
    return new Promise((resolve) => {
        if (!navigator.geolocation) { resolve(null); return; }
        navigator.geolocation.getCurrentPosition(
            (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude }),
            () => resolve(null), { enableHighAccuracy: true, timeout: 8000 });
    });
}

export function disposeCityMap(id) {
    const state = maps.get(id);
    if (!state) return;
    state.map.remove();
    maps.delete(id);
}
