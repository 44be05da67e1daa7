"""Packaging for pvae. All metadata lives in settings.ini (the nbdev 2 project config); this file only reads it.

The classic nbdev 2 template imported `pkg_resources`, which recent setuptools no longer ships inside pip's isolated
build environment; this version needs nothing beyond setuptools and the standard library.
"""
from configparser import ConfigParser
from pathlib import Path

import setuptools

here = Path(__file__).parent
config = ConfigParser(delimiters=['='])
config.read(here / 'settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

for key in ('version', 'description', 'repo', 'user', 'author', 'license', 'min_python'):
    if key not in cfg: raise ValueError(f'settings.ini is missing the required key {key!r}')

licenses = {
    'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License'),
    'mit': ('MIT License', 'OSI Approved :: MIT License'),
    'gpl2': ('GNU General Public License v2', 'OSI Approved :: GNU General Public License v2 (GPLv2)'),
    'gpl3': ('GNU General Public License v3', 'OSI Approved :: GNU General Public License v3 (GPLv3)'),
    'bsd3': ('BSD License', 'OSI Approved :: BSD License'),
}
statuses = {1: '1 - Planning', 2: '2 - Pre-Alpha', 3: '3 - Alpha', 4: '4 - Beta', 5: '5 - Production/Stable', 6: '6 - Mature',
            7: '7 - Inactive'}
py_versions = '3.10 3.11 3.12 3.13'.split()

lic = licenses.get(cfg['license'].lower(), (cfg['license'], None))
min_python = cfg['min_python']
requirements = cfg.get('requirements', '').split()
dev_requirements = cfg.get('dev_requirements', '').split()
tensorboard_requirements = cfg.get('tensorboard_requirements', '').split()
mnist5k_requirements = cfg.get('mnist5k_requirements', '').split()
console_scripts = cfg.get('console_scripts', '').split()
long_description = (here / 'README.md').read_text(encoding='utf-8') if (here / 'README.md').exists() else cfg['description']

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    license=lic[0],
    classifiers=['Development Status :: ' + statuses[int(cfg['status'])],
                 'Intended Audience :: ' + cfg['audience'].title(),
                 'Natural Language :: ' + cfg['language'].title(),
                 'Topic :: Scientific/Engineering :: Artificial Intelligence',
                 ] + [f'Programming Language :: Python :: {v}' for v in py_versions[py_versions.index(min_python):]]
                   + ([f'License :: {lic[1]}'] if lic[1] else []),
    url=cfg['git_url'],
    packages=setuptools.find_packages(include=[cfg['lib_path'], cfg['lib_path'] + '.*']),
    include_package_data=True,
    install_requires=requirements,
    extras_require={'dev': dev_requirements, 'tensorboard': tensorboard_requirements, 'mnist5k': mnist5k_requirements},
    package_data={cfg['lib_path']: ['pretrained/*.pt', 'pretrained/*.json']},   # the published models (chapter 09)
    python_requires='>=' + min_python,
    long_description=long_description,
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={'console_scripts': console_scripts, 'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
    author=cfg['author'],
    **({'author_email': cfg['author_email']} if cfg.get('author_email') else {}),   # none published yet
    description=cfg['description'],
    keywords=cfg['keywords'],
)
