// Vue: antom-card-binding/vue compiles with the library checks on (vue/tsconfig.json skips them).
import type {GlobalComponents} from 'vue';
import type {} from 'antom-card-binding/vue';

export type Tag = GlobalComponents['antom-card-binding'];
