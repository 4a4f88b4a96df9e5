/**
 * Entry of the self-contained bundle (dist/antom-card-binding.bundle.js): registers the tag and
 * exports only the class. The package's full API (card rules, session decoding, types) is in the
 * ES module build; exporting it here would keep code in the bundle that a CMS embed never calls.
 */
import './define.js';

export {AntomCardBinding} from './element/antom-card-binding.js';
