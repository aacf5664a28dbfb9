import { createApp } from 'vue';
// Registers <koe-intake>; its koe-* events are typed on every element and on document.
import 'koe-widgets/intake';
import App from './App.vue';

createApp(App).mount('#app');
