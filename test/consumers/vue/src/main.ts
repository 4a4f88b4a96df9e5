import {createApp} from 'vue';
import 'antom-card-binding/define';
import App from './App.vue';

window.__events = [];
createApp(App).mount('#app');
document.body.dataset.started = 'yes';
