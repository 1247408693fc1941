#!/usr/bin/env python3
"""Sets the default of configuration keys in ConfigKey.java and config/courserec.properties together.

usage: build/set-default.py key=value [key=value ...]
"""
import re, sys
enum = 'core/src/main/java/io/courserec/config/ConfigKey.java'
props = 'config/courserec.properties'
e = open(enum).read(); p = open(props).read()
for arg in sys.argv[1:]:
    k, v = arg.split('=', 1)
    pat_e = r'(\("' + re.escape(k) + r'", Type\.\w+, ")[^"]*(")'
    if not re.search(pat_e, e): sys.exit('no such key in ConfigKey: ' + k)
    e = re.sub(pat_e, lambda m: m.group(1) + v + m.group(2), e)
    pat_p = r"(# .*default ')[^']*('.*\n)" + re.escape(k) + r"=.*"
    if not re.search(pat_p, p): sys.exit('no such key in properties: ' + k)
    p = re.sub(pat_p, lambda m: m.group(1) + v + m.group(2) + k + '=' + v, p)
open(enum, 'w').write(e); open(props, 'w').write(p)
