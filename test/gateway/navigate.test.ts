import {expect} from '@open-wc/testing';
import {navigate} from '../../src/gateway/navigate.js';

describe('navigate (3-D Secure jump)', () => {
  it('POST: builds a hidden form with the gateway fields and submits it', () => {
    const doc = document.implementation.createHTMLDocument('acs');
    const submitted: HTMLFormElement[] = [];
    const original = HTMLFormElement.prototype.submit;
    HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
      submitted.push(this);
    };
    try {
      navigate({url: 'https://acs.example.test/challenge', method: 'POST', fields: {PaReq: 'abc', TermUrl: 'https://shop.test/back'}}, doc);
    } finally {
      HTMLFormElement.prototype.submit = original;
    }
    expect(submitted).to.have.length(1);
    const form = submitted[0]!;
    expect(form.method).to.equal('post');
    expect(form.action).to.equal('https://acs.example.test/challenge');
    expect(form.hidden).to.equal(true);
    const fields = Object.fromEntries([...form.querySelectorAll('input')].map((input) => [input.name, [input.type, input.value]]));
    expect(fields).to.deep.equal({PaReq: ['hidden', 'abc'], TermUrl: ['hidden', 'https://shop.test/back']});
  });

  it('GET: assigns the location of the document’s window', () => {
    const assigned: string[] = [];
    const fakeDoc = {defaultView: {location: {assign: (url: string) => assigned.push(url)}}} as unknown as Document;
    navigate({url: 'https://acs.example.test/x', method: 'GET'}, fakeDoc);
    expect(assigned).to.deep.equal(['https://acs.example.test/x']);
  });
});
