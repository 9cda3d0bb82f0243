from annalist.cli import main

main()
