"""Short iP-VAE trainings on nat16 that chose the recipe of nbs/21_iterative.ipynb; one JSON line per probe.

    python tools/iterative_probes.py NAME '{"kl_beta": 24.0}' '{"n_latents": 512}' >> nbs/images/iterative-probes.jsonl

The first JSON holds TrainConfig fields (over the probe's defaults: batch 200, Adamax at 5e-3, 5 epochs, no KL
warm-up), the second ModelConfig fields (over the iP-VAE's defaults with 128 neurons; "model" picks another model).
The line says how the run scores on 2,000 validation patches at its evaluation temperature: R², the share of zero
codes and their distance to the ideal point, and, for an iterative model, the reconstruction error and KL of each
step. One thread; on a shared machine the seconds are not comparable.
"""
import json, sys, tempfile, time

import torch

from pvae.data import load_dataset
from pvae.eval import rate_distortion
from pvae.metrics import EVAL_TEMPERATURE
from pvae.models import default_model_config
from pvae.recipes import recipe
from pvae.train import Trainer

def probe(name: str, train: dict, model: dict) -> dict:
    torch.set_num_threads(1)
    data = load_dataset('nat16')
    model = dict(model)
    mcfg = default_model_config(model.pop('model', 'ipoisson'), **{'n_latents': 128, **model})
    tcfg = recipe(mcfg.model, 'quick', **{'batch_size': 200, 'lr': 5e-3, 'beta2': 0.999, 'epochs': 5, 'kl_beta_min': 1.0,
                                          'eval_every': 100, 'checkpoint_every': 100, 'n_valid': 2000, **train})
    t0 = time.time()
    with tempfile.TemporaryDirectory() as out:
        trainer = Trainer(mcfg, tcfg, out, data=data, quiet=True)
        trainer.fit()
    m, x, t = trainer.model.eval(), data.x_valid[:2000], EVAL_TEMPERATURE[mcfg.family]
    with torch.no_grad():
        torch.manual_seed(0)
        z = m.sample_latents(m.infer(x, temperature=t))
        row = dict(name=name, train=train, model=model, model_name=mcfg.model, seconds=round(time.time() - t0),
                   **{k: round(v, 4) for k, v in rate_distortion(x, m.decode(z), z).items()})
        if mcfg.iterative:
            torch.manual_seed(0)
            traj = m.run(x, temperature=t)
            row.update(recon_t=[round(v, 1) for v in traj.recon.mean(1).tolist()],
                       kl_t=[round(v, 2) for v in traj.kl.sum(2).mean(1).tolist()])
    return row

if __name__ == '__main__':
    print(json.dumps(probe(sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]) if len(sys.argv) > 3 else {})))
