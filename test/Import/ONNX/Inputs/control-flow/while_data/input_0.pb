	B
start_condJ