import { ref } from 'vue';

/**
 * Whether the window is a phone's width: the breakpoint the styles use (`@media (max-width: 768px)`),
 * followed as the window turns or is resized, one listener for every screen that asks.
 */
const query = window.matchMedia('(max-width: 768px)');
export const narrow = ref(query.matches);
query.addEventListener('change', e => { narrow.value = e.matches; });
