// The root import alone types the tag: createElement / querySelector give AntomCardBinding.
import type {} from 'antom-card-binding';

export const element = document.createElement('antom-card-binding');
element.hideSubmitButton = true;
export const found: boolean | undefined = document.querySelector('antom-card-binding')?.complete;
element.addEventListener('bound', (event) => event.detail.maskedCardNo);
