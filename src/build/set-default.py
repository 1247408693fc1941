#!/usr/bin/env python3
"""Sets the default of configuration keys in ConfigKey.java and config/courserec.properties together.

usage: src/build/set-default.py key=value [key=value ...]
"""
import re, sys
enum = 'src/main/java/io/courserec/config/ConfigKey.java'
props = 'config/courserec.properties'
e = open(enum).read(); p = open(props).read()
for arg in sys.argv[1:]:
    k, v = arg.split('=', 1)
    e2 = re.sub(r'(\("' + re.escape(k) + r'", Type\.\w+, ")[^"]*(")', lambda m: m.group(1) + v + m.group(2), e)
    if e2 == e: sys.exit('no such key in ConfigKey: ' + k)
    e = e2
    p2 = re.sub(r"(# .*default ')[^']*('.*\n)" + re.escape(k) + r"=.*", lambda m: m.group(1) + v + m.group(2) + k + '=' + v, p)
    if p2 == p: sys.exit('no such key in properties: ' + k)
    p = p2
open(enum, 'w').write(e); open(props, 'w').write(p)
